import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives: readiness fails at once and new requests are refused with 503. */
@Injectable()
export class ShutdownState {
  private drainingSince: number | null = null;
  private readonly drainListeners: Array<() => void> = [];

  startDraining(): void {
    if (this.drainingSince !== null) return;
    this.drainingSince = Date.now();
    for (const listener of this.drainListeners) listener();
  }

  /** For connections the HTTP server does not drain by itself (real-time sockets): told once, when draining starts. */
  onDraining(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
