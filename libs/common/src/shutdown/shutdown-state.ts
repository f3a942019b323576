import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives: readiness fails at once and new requests are refused with 503. */
@Injectable()
export class ShutdownState {
  private drainingSince: number | null = null;

  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
