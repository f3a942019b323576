import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@app/common';

export interface SweepProgress {
  enqueued: number;
}

/**
 * Every JOB_SWEEP_INTERVAL_MS, enqueues again the work that Redis lost or never received; each subclass looks for
 * it in its own table. Overlapping calls share one sweep, a failed sweep is logged and the next one retries, and
 * shutdown waits for a running sweep.
 */
export abstract class PeriodicSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  /** `what` names the work in the log, e.g. "queued jobs". */
  protected constructor(
    protected readonly config: AppConfig,
    loggerName: string,
    private readonly what: string,
  ) {
    this.logger = new Logger(loggerName);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.JOB_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-enqueues stale work; returns how much was enqueued. Overlapping calls share one sweep. */
  sweepOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Enqueues the stale work again, counting into `progress` as it goes (an error stops the sweep). */
  protected abstract enqueueStale(progress: SweepProgress): Promise<void>;

  private async sweep(): Promise<number> {
    const progress: SweepProgress = { enqueued: 0 };
    try {
      await this.enqueueStale(progress);
    } catch (error) {
      this.logger.warn({ err: error }, 'sweep interrupted; next sweep retries');
    }
    if (progress.enqueued > 0) this.logger.log({ enqueued: progress.enqueued }, `re-enqueued ${this.what}`);
    return progress.enqueued;
  }
}
