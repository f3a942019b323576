import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { JobProducer } from '@app/jobs';
import { JobTracker } from './job-tracker';
import { PeriodicSweeper, type SweepProgress } from './periodic-sweeper';

const BATCH = 100;

/**
 * Work is never lost when Redis is briefly down: a tracked job row that stays `queued` is enqueued again.
 * The row id is the BullMQ job id, so a job that is in fact still queued is not added twice.
 */
@Injectable()
export class QueuedJobSweeper extends PeriodicSweeper {
  constructor(
    config: AppConfig,
    private readonly tracker: JobTracker,
    private readonly producer: JobProducer,
  ) {
    super(config, 'JobSweeper', 'queued jobs');
  }

  protected async enqueueStale(progress: SweepProgress): Promise<void> {
    for (const job of await this.tracker.findStale(this.config.JOB_SWEEP_AFTER_MS, BATCH)) {
      await this.producer.enqueueTracked(job);
      await this.tracker.enqueued(job.id);
      progress.enqueued++;
    }
  }
}
