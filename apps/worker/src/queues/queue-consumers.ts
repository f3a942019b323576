import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { bullConnection, jobErrorCodeOf, QUEUE, type TrackedPayload } from '@app/jobs';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Counter, Histogram, Registry } from 'prom-client';
import { HandlerRegistry } from '../handlers/handler-registry';
import { JobTracker } from './job-tracker';

/** One BullMQ worker per queue, dispatching each job to its handler and keeping tracked rows in step. */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];
  private readonly processed: Counter<'queue' | 'name' | 'outcome'>;
  private readonly duration: Histogram<'queue' | 'name'>;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: HandlerRegistry,
    private readonly tracker: JobTracker,
    metrics: Registry,
  ) {
    this.processed = new Counter({
      name: 'worker_jobs_total',
      help: 'Jobs processed, by queue, job name and outcome (succeeded, retried, failed, delayed).',
      labelNames: ['queue', 'name', 'outcome'],
      registers: [metrics],
    });
    this.duration = new Histogram({
      name: 'worker_job_duration_seconds',
      help: 'Time spent processing a job, by queue and job name.',
      labelNames: ['queue', 'name'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [metrics],
    });
  }

  onApplicationBootstrap(): void {
    for (const queue of Object.values(QUEUE)) {
      const worker = new Worker(queue, (job) => this.process(queue, job), {
        ...bullConnection(this.config, 'worker'),
        concurrency: this.config.WORKER_CONCURRENCY,
      });
      worker.on('error', (error) => this.logger.warn({ err: error, queue }, 'queue connection error'));
      this.workers.push(worker);
    }
  }

  /** Waits for running jobs to finish: SIGTERM never cuts a job in half. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(queue: string, job: Job): Promise<unknown> {
    const trackedId = (job.data as TrackedPayload | undefined)?.trackedJobId;
    const stopTimer = this.duration.startTimer({ queue, name: job.name });
    try {
      const handler = this.registry.handlerOf(job.name, job.data);
      if (trackedId) await this.tracker.running(trackedId);
      const result = await handler.handle(job, {
        progress: async (percent) => {
          await job.updateProgress(percent);
          if (trackedId) await this.tracker.progress(trackedId, percent);
        },
      });
      if (trackedId) await this.tracker.succeeded(trackedId, result ?? null);
      this.processed.inc({ queue, name: job.name, outcome: 'succeeded' });
      return result ?? null;
    } catch (error) {
      if (error instanceof DelayedError) {
        // The handler moved its job back to delayed (it is early, e.g. quiet hours): not a failure, no attempt spent.
        this.processed.inc({ queue, name: job.name, outcome: 'delayed' });
        this.logger.log({ queue, job: job.name, jobId: job.id, reason: error.message }, 'job delayed');
        if (trackedId) await this.tracker.requeued(trackedId).catch(() => undefined);
        throw error;
      }
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.processed.inc({ queue, name: job.name, outcome: final ? 'failed' : 'retried' });
      // The cause goes to the log only (sanitised: no query values, no personal fields); the row gets a public code.
      this.logger.warn({ err: error, queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1, final }, 'job failed');
      if (trackedId) await (final ? this.tracker.failed(trackedId, jobErrorCodeOf(job.name)) : this.tracker.requeued(trackedId)).catch(() => undefined);
      throw error;
    } finally {
      stopTimer();
    }
  }
}
