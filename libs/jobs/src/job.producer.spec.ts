import { newId } from '@app/common';
import type { TransactionContext } from '@app/database';
import type { Queue } from 'bullmq';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidJobPayloadError, JobProducer } from './job.producer';
import { JOB } from './queues';

/** Records what would have been added to Redis. */
class FakeQueue {
  added: Array<{ name: string; data: unknown }> = [];
  async add(name: string, data: unknown) {
    this.added.push({ name, data });
  }
  async addBulk(jobs: Array<{ name: string; data: unknown }>) {
    this.added.push(...jobs);
  }
}

/** A transaction that must not be touched: a refused payload never gets its row. */
const untouchableTx = {
  get manager(): never {
    throw new Error('the jobs row was written');
  },
  afterCommit: () => undefined,
} as unknown as TransactionContext;

describe('JobProducer', () => {
  let queue: FakeQueue;
  let producer: JobProducer;
  const poison = { notificationId: 'not-an-id' } as never;

  beforeEach(() => {
    queue = new FakeQueue();
    producer = new JobProducer(queue as unknown as Queue, queue as unknown as Queue, queue as unknown as Queue);
  });

  it('enqueues a payload that fits its schema', async () => {
    const notificationId = newId();
    await producer.enqueue(JOB.deliverNotificationEmail, { notificationId });
    expect(queue.added).toEqual([{ name: JOB.deliverNotificationEmail, data: { notificationId } }]);
  });

  it('refuses a poison payload on enqueue, where the mistake is made, and adds nothing', async () => {
    await expect(producer.enqueue(JOB.deliverNotificationEmail, poison)).rejects.toThrow(InvalidJobPayloadError);
    await expect(producer.enqueue(JOB.deliverNotificationEmail, poison)).rejects.toThrow(
      'invalid payload for job "notifications.deliver-email": notificationId must be an id (UUIDv7)',
    );
    expect(queue.added).toEqual([]);
  });

  it('refuses a bulk enqueue with one poison payload and adds none of it', async () => {
    const jobs = [{ payload: { notificationId: newId() } }, { payload: poison }];
    await expect(producer.enqueueBulk(JOB.deliverNotificationEmail, jobs)).rejects.toThrow(InvalidJobPayloadError);
    expect(queue.added).toEqual([]);
  });

  it('refuses a poison tracked job before writing its row, so the caller’s transaction fails', async () => {
    await expect(producer.createTracked(untouchableTx, { name: JOB.exportUserData, payload: { userId: 'nobody' }, createdBy: null })).rejects.toThrow(
      /userId must be an id/,
    );
  });

  it('enqueues a stored tracked row as it is: the worker fails it as poison rather than the sweeper retrying it for ever', async () => {
    const id = newId();
    await producer.enqueueTracked({ id, type: JOB.anonymiseUser, payload: {} });
    expect(queue.added).toEqual([{ name: JOB.anonymiseUser, data: { trackedJobId: id } }]);
  });
});
