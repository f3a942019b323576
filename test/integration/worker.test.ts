import { Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { inTransaction } from '@app/database';
import { JOB, JobEntity, JobProducer, QUEUE, bullConnection, type AuditEntryPayload } from '@app/jobs';
import { AuditLogEntity } from '@app/audit';
import { newId } from '@app/common';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlesJob, type JobHandler } from '../../apps/worker/src/handlers/job-handler';
import { PurgeIdempotencyKeysHandler } from '../../apps/worker/src/handlers/purge-idempotency-keys.handler';
import { PurgeNotificationsHandler } from '../../apps/worker/src/handlers/purge-notifications.handler';
import { WriteAuditEntryHandler } from '../../apps/worker/src/handlers/write-audit-entry.handler';
import { QueuedJobSweeper } from '../../apps/worker/src/queues/queued-job-sweeper';
import { openTestDataSource } from '../support/db';
import { completedJob, isolatedRedisPrefix, startWorker, waitFor, type TestWorker } from '../support/worker';

@Injectable()
@HandlesJob(JOB.writeAuditEntry)
class SecondAuditHandler implements JobHandler {
  async handle() {}
}

/** Stands in for the purge job: takes a while, so shutdown can be observed waiting for it. */
@Injectable()
@HandlesJob(JOB.purgeIdempotencyKeys)
class SlowJobHandler implements JobHandler {
  static started = false;
  async handle() {
    SlowJobHandler.started = true;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { slept: 1500 };
  }
}

const auditEntry = (overrides: Partial<AuditEntryPayload> = {}): AuditEntryPayload => ({
  id: newId(),
  actorId: null,
  action: 'test.retried',
  targetType: 'test',
  targetId: 't1',
  before: null,
  after: { ok: true },
  requestId: 'req-1',
  ip: '127.0.0.1',
  createdAt: new Date().toISOString(),
  ...overrides,
});

describe('worker start-up checks', () => {
  it('refuses to start when a job name has no handler', async () => {
    await expect(startWorker({ REDIS_PREFIX: isolatedRedisPrefix('nohandler') }, [WriteAuditEntryHandler])).rejects.toThrow(
      /no handler for job "maintenance.purge-idempotency-keys"/,
    );
  });

  it('refuses to start when a job name has two handlers', async () => {
    await expect(
      startWorker({ REDIS_PREFIX: isolatedRedisPrefix('twohandlers') }, [PurgeIdempotencyKeysHandler, WriteAuditEntryHandler, SecondAuditHandler]),
    ).rejects.toThrow(/job "audit.write-entry" has 2 handlers/);
  });
});

describe('worker processing', () => {
  let worker: TestWorker;
  let dataSource: DataSource;
  let producer: JobProducer;
  let auditQueue: Queue;

  beforeAll(async () => {
    worker = await startWorker({ REDIS_PREFIX: isolatedRedisPrefix('jobs'), JOB_SWEEP_AFTER_MS: '1000', JOB_SWEEP_INTERVAL_MS: '3600000' });
    dataSource = worker.app.get<DataSource>(getDataSourceToken());
    producer = worker.app.get(JobProducer);
    auditQueue = new Queue(QUEUE.audit, bullConnection(worker.config, 'producer'));
  });
  afterAll(async () => {
    await auditQueue?.close();
    await worker?.close();
  });

  const jobRow = (id: string) => dataSource.getRepository(JobEntity).findOneByOrFail({ id });

  it('runs a tracked job created in a transaction and records its result on the jobs row', async () => {
    await dataSource.query(
      "INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, expires_at) VALUES ('u1', 'op', 'expired-key', REPEAT('a', 64), CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND), ('u1', 'op', 'live-key', REPEAT('a', 64), CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY)",
    );
    const job = await inTransaction(dataSource, (tx) => producer.createTracked(tx, { name: JOB.purgeIdempotencyKeys, payload: {}, createdBy: null }));
    const done = await waitFor(
      async () => {
        const row = await jobRow(job.id);
        return row.status === 'succeeded' ? row : undefined;
      },
      10_000,
      'job to succeed',
    );
    expect(done).toMatchObject({ progress: 100, attempts: 1, errorCode: null });
    expect(done.result).toMatchObject({ deleted: expect.any(Number) });
    expect(done.finishedAt).toBeInstanceOf(Date);
    const keys = await dataSource.query("SELECT idempotency_key AS k FROM idempotency_keys WHERE caller = 'u1' ORDER BY k");
    expect(keys.map((r: { k: string }) => r.k)).toEqual(['live-key']);
  });

  it('does not enqueue a tracked job whose transaction rolled back', async () => {
    let id = '';
    await expect(
      inTransaction(dataSource, async (tx) => {
        id = (await producer.createTracked(tx, { name: JOB.purgeIdempotencyKeys, payload: {}, createdBy: null })).id;
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    expect(await dataSource.getRepository(JobEntity).findOneBy({ id })).toBeNull();
    expect(await auditQueue.getJob(id)).toBeUndefined();
  });

  it('re-enqueues a job row that stayed queued because Redis never received it', async () => {
    const id = newId();
    await dataSource.query("INSERT INTO jobs (id, type, status, payload, created_at) VALUES (?, ?, 'queued', '{}', CURRENT_TIMESTAMP(3) - INTERVAL 5 SECOND)", [
      id,
      JOB.purgeIdempotencyKeys,
    ]);
    const enqueued = await worker.app.get(QueuedJobSweeper).sweepOnce();
    expect(enqueued).toBeGreaterThanOrEqual(1);
    const row = await waitFor(
      async () => {
        const r = await jobRow(id);
        return r.status === 'succeeded' ? r : undefined;
      },
      10_000,
      'swept job to succeed',
    );
    expect(row.attempts).toBe(1);
    expect(row.enqueuedAt).toBeInstanceOf(Date);
  });

  it('writes a retried audit entry once even when the retry is delivered twice', async () => {
    const entry = auditEntry();
    await auditQueue.add(JOB.writeAuditEntry, entry, { jobId: `${entry.id}-a` });
    await auditQueue.add(JOB.writeAuditEntry, entry, { jobId: `${entry.id}-b` });
    await completedJob(auditQueue, `${entry.id}-b`);
    await completedJob(auditQueue, `${entry.id}-a`);
    const rows = await dataSource.getRepository(AuditLogEntity).findBy({ id: entry.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'test.retried', targetId: 't1', requestId: 'req-1', afterState: { ok: true } });
  });

  it('fails a poison payload at once, without retrying it', async () => {
    const added = await auditQueue.add(JOB.writeAuditEntry, { nonsense: true } as never, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await waitFor(async () => (await auditQueue.getJob(added.id!))?.isFailed(), 10_000, 'poison job to fail');
    // Read the job again once it is failed: a copy fetched before the state check may predate the failure.
    const failed = await auditQueue.getJob(added.id!);
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/invalid payload/);
  });

  it('schedules the hourly purges of expired idempotency keys and of notifications past retention', async () => {
    const jobsQueue = new Queue(QUEUE.jobs, bullConnection(worker.config, 'producer'));
    const schedulers = await jobsQueue.getJobSchedulers();
    await jobsQueue.close();
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'purge-idempotency-keys', name: JOB.purgeIdempotencyKeys, every: 3600_000 }));
    // What the purge deletes: test/integration/notifications-bulk.test.ts.
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'purge-notifications', name: JOB.purgeNotifications, every: 3600_000 }));
  });

  it('serves its own probes and job metrics', async () => {
    expect((await fetch(`${worker.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${worker.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up', migrations: 'up' } });
    const metrics = await (await fetch(`${worker.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/worker_jobs_total\{[^}]*name="audit.write-entry"[^}]*outcome="succeeded"[^}]*\} [1-9]/);
    expect(metrics).toContain('worker_job_duration_seconds_bucket');
  });
});

describe('worker shutdown', () => {
  it('lets a running job finish before closing', async () => {
    const worker = await startWorker({ REDIS_PREFIX: isolatedRedisPrefix('shutdown') }, [SlowJobHandler, PurgeNotificationsHandler, WriteAuditEntryHandler]);
    const dataSource = worker.app.get<DataSource>(getDataSourceToken());
    const job = await inTransaction(dataSource, (tx) =>
      worker.app.get(JobProducer).createTracked(tx, { name: JOB.purgeIdempotencyKeys, payload: {}, createdBy: null }),
    );
    await waitFor(async () => SlowJobHandler.started, 10_000, 'slow job to start');
    const checker = await openTestDataSource([JobEntity]);
    await worker.close();
    const row = await checker.getRepository(JobEntity).findOneByOrFail({ id: job.id });
    await checker.destroy();
    expect(row.status).toBe('succeeded');
    expect(row.result).toEqual({ slept: 1500 });
  });
});
