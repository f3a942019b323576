// The bulk changes of notifications, which run in batches of NOTIFICATION_BATCH_SIZE rows per statement: the
// worker's retention purge (maintenance.purge-notifications) and POST /notifications/read-all. Both apps run with a
// batch of a few rows, so a handful of notifications takes several statements.
import { inTransaction } from '@app/database';
import { bullConnection, JOB, JobEntity, JobProducer, QUEUE } from '@app/jobs';
import { NotificationEntity } from '@app/notifications';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';
import { insertNotification } from '../support/notifications';
import { dataSourceOf } from '../support/pets';
import { isolatedRedisPrefix, startWorker, waitFor, type TestWorker } from '../support/worker';

const DAY_MS = 24 * 3600_000;
// Shorter than the default (365) so that the setting, not a constant, is what the purge obeys. Rows of this file are
// at most 40 days old: the other test files' workers purge with the default and never take them.
const RETENTION_DAYS = 30;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

let api: TestApi;
let worker: TestWorker;
let db: DataSource;

beforeAll(async () => {
  const prefix = isolatedRedisPrefix('notifications-bulk');
  api = await startApi({ REDIS_PREFIX: prefix, NOTIFICATION_BATCH_SIZE: '3' });
  worker = await startWorker({ REDIS_PREFIX: prefix, NOTIFICATION_BATCH_SIZE: '2', NOTIFICATION_RETENTION_DAYS: String(RETENTION_DAYS) });
  db = dataSourceOf(api);
  // The scheduler runs the purge once at start-up; let that run finish, so the runs below are the only ones.
  const jobs = new Queue(QUEUE.jobs, bullConnection(api.config, 'producer'));
  await waitFor(async () => (await jobs.getJobs(['completed'])).some((job) => job.name === JOB.purgeNotifications), 15_000, 'the scheduled purge to run');
  await jobs.close();
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

/** Runs the purge as a tracked job (as an operator would) and answers its result once it succeeded. */
async function purge(): Promise<Record<string, unknown>> {
  const job = await inTransaction(db, (tx) => api.app.get(JobProducer).createTracked(tx, { name: JOB.purgeNotifications, payload: {}, createdBy: null }));
  const done = await waitFor(
    async () => {
      const row = await db.getRepository(JobEntity).findOneByOrFail({ id: job.id });
      return row.status === 'succeeded' || row.status === 'failed' ? row : undefined;
    },
    15_000,
    'purge job to finish',
  );
  expect(done).toMatchObject({ status: 'succeeded', progress: 100, errorCode: null });
  return done.result as Record<string, unknown>;
}

const remaining = async (ids: string[]) =>
  (await db.getRepository(NotificationEntity).find({ where: { id: In(ids) }, select: { id: true } })).map((n) => n.id).sort();
const sorted = (ids: string[]) => [...ids].sort();

describe('retention purge (maintenance.purge-notifications)', () => {
  it('deletes every notification older than the retention period, read or not, in batches, and keeps the recent ones', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const old = { createdAt: daysAgo(RETENTION_DAYS + 1) };
    const expired = [
      // Read ones, more than two batches of them.
      ...(await Promise.all([1, 2, 3, 4, 5].map(() => insertNotification(db, ada.id, { ...old, readAt: daysAgo(RETENTION_DAYS) })))),
      // Never read: nobody is going to read a notification a retention period later.
      await insertNotification(db, ada.id, old),
      await insertNotification(db, ada.id, { createdAt: daysAgo(40) }),
      // E-mail-only rows whose e-mail is settled, and another user's.
      await insertNotification(db, ada.id, { ...old, inApp: false, emailStatus: 'sent', emailSentAt: daysAgo(RETENTION_DAYS + 1) }),
      await insertNotification(db, ada.id, { ...old, emailStatus: 'failed', emailDetail: 'smtp error' }),
      await insertNotification(db, bob.id, { ...old, readAt: daysAgo(RETENTION_DAYS) }),
    ];
    const kept = [
      await insertNotification(db, ada.id, { createdAt: daysAgo(RETENTION_DAYS - 1), readAt: daysAgo(RETENTION_DAYS - 1) }),
      await insertNotification(db, ada.id, { createdAt: daysAgo(RETENTION_DAYS - 1) }),
      await insertNotification(db, ada.id, { readAt: new Date() }),
      await insertNotification(db, bob.id),
    ];

    const result = await purge();

    expect(result).toEqual({ deleted: expired.length, createdBefore: expect.any(String) });
    const cutoff = Date.parse(result.createdBefore as string);
    expect(Math.abs(cutoff - daysAgo(RETENTION_DAYS).getTime())).toBeLessThan(60_000);
    expect(await remaining([...expired, ...kept])).toEqual(sorted(kept));
    // Nothing left to do: a second run deletes nothing.
    expect(await purge()).toMatchObject({ deleted: 0 });
  });

  it('never deletes a notification whose e-mail is still pending; once the e-mail is settled, the next run does', async () => {
    const ada = await createUser(api);
    const pending = await insertNotification(db, ada.id, {
      createdAt: daysAgo(RETENTION_DAYS + 5),
      emailStatus: 'pending',
      emailDueAt: new Date(Date.now() + DAY_MS),
    });
    const pendingRead = await insertNotification(db, ada.id, {
      createdAt: daysAgo(RETENTION_DAYS + 5),
      readAt: daysAgo(RETENTION_DAYS),
      emailStatus: 'pending',
      emailDueAt: new Date(Date.now() + DAY_MS),
    });

    expect(await purge()).toMatchObject({ deleted: 0 });
    expect(await remaining([pending, pendingRead])).toEqual(sorted([pending, pendingRead]));

    await db.getRepository(NotificationEntity).update({ id: pending }, { emailStatus: 'sent', emailSentAt: new Date(), emailDueAt: null });
    expect(await purge()).toMatchObject({ deleted: 1 });
    expect(await remaining([pending, pendingRead])).toEqual([pendingRead]);
  });
});

describe('POST /notifications/read-all in batches', () => {
  const readAll = (user: TestUser) => api.request('POST', '/api/v1/notifications/read-all', { token: user.token });
  const rowsOf = (user: TestUser) => db.getRepository(NotificationEntity).findBy({ userId: user.id });

  it('marks every unread notification over several batches, all at one time, and answers the exact count', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    // 8 unread in-app rows: batches of 3, 3 and 2.
    const unread = await Promise.all(Array.from({ length: 8 }, () => insertNotification(db, ada.id)));
    const readBefore = daysAgo(1);
    const alreadyRead = await insertNotification(db, ada.id, { readAt: readBefore });
    const emailOnly = await insertNotification(db, ada.id, { inApp: false, emailStatus: 'pending', emailDueAt: new Date() });
    const bobs = await insertNotification(db, bob.id);

    const res = await readAll(ada);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 8 });

    const rows = new Map((await rowsOf(ada)).map((row) => [row.id, row]));
    const readAts = new Set(unread.map((id) => rows.get(id)!.readAt?.toISOString()));
    expect(readAts.size).toBe(1);
    expect([...readAts][0]).toEqual(expect.any(String));
    expect(rows.get(alreadyRead)!.readAt).toEqual(readBefore);
    expect(rows.get(emailOnly)!.readAt).toBeNull();
    expect((await db.getRepository(NotificationEntity).findOneByOrFail({ id: bobs })).readAt).toBeNull();
    expect((await api.request('GET', '/api/v1/notifications/unread/count', { token: ada.token })).body).toEqual({ count: 0 });
    expect((await readAll(ada)).body).toEqual({ marked: 0 });
  });

  it('counts exactly when the unread ones fill the last batch (a final batch finds none)', async () => {
    const ada = await createUser(api);
    await Promise.all(Array.from({ length: 6 }, () => insertNotification(db, ada.id)));
    expect((await readAll(ada)).body).toEqual({ marked: 6 });
    expect((await rowsOf(ada)).every((row) => row.readAt !== null)).toBe(true);
  });
});
