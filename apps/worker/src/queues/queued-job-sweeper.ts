import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { JobProducer } from '@app/jobs';
import { JobTracker } from './job-tracker';

const BATCH = 100;

/**
 * Work is never lost when Redis is briefly down: a tracked job row that stays `queued` is enqueued again.
 * The row id is the BullMQ job id, so a job that is in fact still queued is not added twice.
 */
@Injectable()
export class QueuedJobSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly config: AppConfig,
    private readonly tracker: JobTracker,
    private readonly producer: JobProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.JOB_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-enqueues stale rows; returns how many were enqueued. Overlapping calls share one sweep. */
  sweepOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<number> {
    let enqueued = 0;
    try {
      for (const job of await this.tracker.findStale(this.config.JOB_SWEEP_AFTER_MS, BATCH)) {
        await this.producer.enqueueTracked(job);
        await this.tracker.enqueued(job.id);
        enqueued++;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'sweep interrupted; next sweep retries');
    }
    if (enqueued > 0) this.logger.log({ enqueued }, 're-enqueued queued jobs');
    return enqueued;
  }
}
