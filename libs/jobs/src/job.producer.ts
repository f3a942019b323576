import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@app/common';
import type { TransactionContext } from '@app/database';
import type { JobsOptions, Queue } from 'bullmq';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobEntity } from './job.entity';
import { invalidPayloadReason, JOB, QUEUE, QUEUE_OF, RETRY_POLICY, type JobName, type JobPayloads, type QueueName } from './queues';

/** A producer tried to enqueue a payload its job's schema refuses: a programming error, surfaced where it is made. */
export class InvalidJobPayloadError extends Error {}

function assertFits(name: JobName, payload: unknown): void {
  const invalid = invalidPayloadReason(name, payload);
  if (invalid) throw new InvalidJobPayloadError(`invalid payload for job "${name}": ${invalid}`);
}

export interface TrackedJobRequest<N extends JobName> {
  name: N;
  payload: Omit<JobPayloads[N], 'trackedJobId'>;
  createdBy: string | null;
  /** Run no earlier than this many milliseconds after commit (e.g. the grace period of an account deletion). */
  delayMs?: number;
}

/**
 * Payload key of a delayed tracked job: when it may run (RFC 3339). It lives in the row's payload so that any
 * later enqueue of the row (the sweeper's, after Redis lost the job) keeps the delay instead of running early.
 */
export const NOT_BEFORE = 'notBefore';

function notBeforeOf(payload: Record<string, unknown>): number | null {
  const value = payload[NOT_BEFORE];
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
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

  /** Adds a job now; throws when the payload does not fit its schema or Redis is unreachable (the caller decides what that means). */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    assertFits(name, payload);
    await this.add(name, payload, options);
  }

  /** Adds several jobs of one name in one round trip (atomically); throws when a payload does not fit or Redis is unreachable. */
  async enqueueBulk<N extends JobName>(name: N, jobs: Array<{ payload: JobPayloads[N]; options?: JobsOptions }>): Promise<void> {
    if (jobs.length === 0) return;
    for (const job of jobs) assertFits(name, job.payload);
    await this.queues[QUEUE_OF[name]].addBulk(jobs.map((job) => ({ name, data: job.payload, opts: { ...RETRY_POLICY, ...job.options } })));
  }

  /**
   * Records a job in the `jobs` table inside `tx`, then enqueues it once `tx` commits. If Redis is down at that
   * moment the row simply stays `queued` and the worker's sweeper enqueues it later: accepted work is never lost.
   */
  async createTracked<N extends JobName>(tx: TransactionContext, request: TrackedJobRequest<N>): Promise<JobEntity> {
    const id = newId();
    // Checked with the id it is enqueued with, before the row is written: the caller's transaction fails instead.
    assertFits(request.name, { ...request.payload, trackedJobId: id });
    const delayMs = Math.max(0, request.delayMs ?? 0);
    const payload = { ...(request.payload as Record<string, unknown>) };
    if (delayMs > 0) payload[NOT_BEFORE] = new Date(Date.now() + delayMs).toISOString();
    const job = tx.manager.create(JobEntity, {
      id,
      type: request.name,
      status: 'queued',
      payload,
      createdBy: request.createdBy,
    });
    // insert, not save(): save() reads the row first to choose between INSERT and UPDATE.
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(JobEntity)
      .values(job as QueryDeepPartialEntity<JobEntity>)
      .updateEntity(false)
      .execute();
    tx.afterCommit(async () => {
      try {
        await this.enqueueTracked(job);
        // The sweeper re-enqueues rows still `queued` JOB_SWEEP_AFTER_MS after `enqueued_at`. A delayed job is
        // not expected to start before it is due, so for it that clock starts when it becomes due.
        const due = notBeforeOf(payload);
        await tx.manager.connection
          .getRepository(JobEntity)
          .update({ id: job.id }, { enqueuedAt: due !== null ? new Date(due) : () => 'CURRENT_TIMESTAMP(3)' });
      } catch (error) {
        this.logger.warn({ err: error, jobId: job.id }, 'job not enqueued; the sweeper will retry');
      }
    });
    return job;
  }

  /**
   * The job's row id is its BullMQ id, so enqueueing the same row twice adds it once. A due time is kept. The
   * payload is not checked again: it was when the row was written, and a row that no longer fits (written by an
   * older version) must reach the worker, which fails it as poison, rather than stay `queued` for ever.
   */
  async enqueueTracked(job: Pick<JobEntity, 'id' | 'type' | 'payload'>): Promise<void> {
    const name = job.type as JobName;
    if (!Object.values(JOB).includes(name)) throw new Error(`unknown job type ${job.type}`);
    const due = notBeforeOf(job.payload);
    const delay = due !== null ? Math.max(0, due - Date.now()) : 0;
    await this.add(name, { ...job.payload, trackedJobId: job.id }, { jobId: job.id, ...(delay > 0 ? { delay } : {}) });
  }

  private async add(name: JobName, payload: unknown, options: JobsOptions): Promise<void> {
    await this.queues[QUEUE_OF[name]].add(name, payload, { ...RETRY_POLICY, ...options });
  }

  /**
   * Removes a job that has not started (e.g. a delayed one whose reason went away). Returns false when there was
   * nothing to remove or the job is running; callers keep their handler idempotent for that case.
   */
  async removeWaiting(name: JobName, jobId: string): Promise<boolean> {
    return (await this.queues[QUEUE_OF[name]].remove(jobId)) === 1;
  }
}
