import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@app/common';
import type { TransactionContext } from '@app/database';
import type { JobsOptions, Queue } from 'bullmq';
import { JobEntity } from './job.entity';
import { JOB, QUEUE, QUEUE_OF, RETRY_POLICY, type JobName, type JobPayloads, type QueueName } from './queues';

export interface TrackedJobRequest<N extends JobName> {
  name: N;
  payload: Omit<JobPayloads[N], 'trackedJobId'>;
  createdBy: string | null;
}

/** Puts work on the queues. Tracked jobs get their `jobs` row in the caller's transaction and are enqueued after commit. */
@Injectable()
export class JobProducer {
  private readonly logger = new Logger(JobProducer.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUE.jobs) jobsQueue: Queue,
    @InjectQueue(QUEUE.notifications) notificationsQueue: Queue,
    @InjectQueue(QUEUE.audit) auditQueue: Queue,
  ) {
    this.queues = { [QUEUE.jobs]: jobsQueue, [QUEUE.notifications]: notificationsQueue, [QUEUE.audit]: auditQueue };
  }

  /** Adds a job now; throws when Redis is unreachable (the caller decides what that means). */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    await this.queues[QUEUE_OF[name]].add(name, payload, { ...RETRY_POLICY, ...options });
  }

  /**
   * Records a job in the `jobs` table inside `tx`, then enqueues it once `tx` commits. If Redis is down at that
   * moment the row simply stays `queued` and the worker's sweeper enqueues it later: accepted work is never lost.
   */
  async createTracked<N extends JobName>(tx: TransactionContext, request: TrackedJobRequest<N>): Promise<JobEntity> {
    const job = tx.manager.create(JobEntity, {
      id: newId(),
      type: request.name,
      status: 'queued',
      payload: request.payload as Record<string, unknown>,
      createdBy: request.createdBy,
    });
    await tx.manager.save(JobEntity, job);
    tx.afterCommit(async () => {
      try {
        await this.enqueueTracked(job);
        await tx.manager.connection.getRepository(JobEntity).update({ id: job.id }, { enqueuedAt: () => 'CURRENT_TIMESTAMP(3)' });
      } catch (error) {
        this.logger.warn({ err: error, jobId: job.id }, 'job not enqueued; the sweeper will retry');
      }
    });
    return job;
  }

  /** The job's row id is its BullMQ id, so enqueueing the same row twice adds it once. */
  async enqueueTracked(job: Pick<JobEntity, 'id' | 'type' | 'payload'>): Promise<void> {
    const name = job.type as JobName;
    if (!Object.values(JOB).includes(name)) throw new Error(`unknown job type ${job.type}`);
    await this.enqueue(name, { ...job.payload, trackedJobId: job.id } as JobPayloads[typeof name], { jobId: job.id });
  }
}
