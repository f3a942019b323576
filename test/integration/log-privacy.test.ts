// What the logs and the job status may show when a database write fails with a user's data in it. The failures
// are made real in a database of this file's own: a data export whose document no longer fits its column (the
// worker), and a rescue whose contact address hits a unique key the api does not expect (the api).
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import { bullConnection, JOB, JOB_ERROR_MESSAGES, JobEntity, QUEUE } from '@app/jobs';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createScratchDatabase } from '../support/db';
import { createUser, refreshRole } from '../support/identity';
import { isolatedRedisPrefix, startWorker, waitFor, type TestWorker } from '../support/worker';

let database: Awaited<ReturnType<typeof createScratchDatabase>>;
let api: TestApi;
let worker: TestWorker;
let db: DataSource;
let jobsQueue: Queue;

beforeAll(async () => {
  database = await createScratchDatabase('logs');
  const prefix = isolatedRedisPrefix('log-privacy');
  api = await startApi({ DB_NAME: database.name, REDIS_PREFIX: prefix });
  worker = await startWorker({ DB_NAME: database.name, REDIS_PREFIX: prefix });
  db = api.app.get<DataSource>(getDataSourceToken());
  // Every export document is longer than this: its insert fails with the whole document among the parameters.
  await db.query('ALTER TABLE data_exports MODIFY content VARCHAR(16) NOT NULL');
  // A unique key the rescue code knows nothing of: the duplicate is an unexpected error that quotes the address.
  await db.query('ALTER TABLE rescues ADD UNIQUE KEY uq_rescues_contact_email (email)');
  jobsQueue = new Queue(QUEUE.jobs, bullConnection(api.config, 'producer'));
});
afterAll(async () => {
  await jobsQueue?.close();
  await worker?.close();
  await api?.close();
  await database?.drop();
});

/** Values no log line may contain: each is unique to the test, so any occurrence is a leak. */
function personalValues() {
  const tok = randomBytes(5).toString('hex');
  return { tok, email: `ada-${tok}@example.org`, name: `Ada Lovelace${tok}`, city: `Leeds${tok}`, postcode: `LS${tok}` };
}

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a job that fails on a database write', () => {
  it('logs each attempt with the error code and statement shape but none of the data, and shows its owner only the code and a sentence', async () => {
    const personal = personalValues();
    const ada = await createUser(api, { email: personal.email, name: personal.name });
    await api.request('PATCH', `/api/v1/users/${ada.id}`, { token: ada.token, body: { expectedVersion: 1, city: personal.city } });
    const jobId = newId();
    await db.query("INSERT INTO jobs (id, type, status, payload, created_by) VALUES (?, ?, 'queued', ?, ?)", [
      jobId,
      JOB.exportUserData,
      JSON.stringify({ userId: ada.id }),
      ada.id,
    ]);
    // Two attempts: the first is retried (the row goes back to queued), the second is final.
    await jobsQueue.add(JOB.exportUserData, { userId: ada.id, trackedJobId: jobId }, { jobId, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    const row = await waitFor(
      async () => {
        const r = await db.getRepository(JobEntity).findOneByOrFail({ id: jobId });
        return r.status === 'failed' ? r : undefined;
      },
      20_000,
      'export job to fail',
    );
    expect(row).toMatchObject({ attempts: 2, errorCode: 'EXPORT_FAILED' });

    const status = await api.request('GET', `/api/v1/jobs/${jobId}`, { token: ada.token });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'failed', errorCode: 'EXPORT_FAILED', error: JOB_ERROR_MESSAGES.EXPORT_FAILED });
    expect(status.text).not.toMatch(/too long|content|ER_|data_exports|INSERT/i);

    const failures = parsed(worker.logs).filter((line) => line.message === 'job failed' && line.jobId === jobId);
    expect(failures.map((line) => line.final)).toEqual([false, true]);
    for (const line of failures) {
      expect(line).toMatchObject({
        level: 'warn',
        context: 'Jobs',
        err: { type: 'QueryFailedError', code: 'ER_DATA_TOO_LONG', errno: 1406, sqlState: '22001' },
      });
      expect(line.err.statement).toMatch(/^INSERT INTO `data_exports`/);
      expect(line.err).not.toHaveProperty('parameters');
      expect(line.err).not.toHaveProperty('driverError');
    }
    const everything = worker.logs.join('\n');
    for (const value of Object.values(personal)) expect(everything).not.toContain(value);
  });
});

describe('an unexpected database error in the api', () => {
  // Nest's Logger writes to the logger of the app created last in this process (the worker, above): an api of its own.
  let rescuesApi: TestApi;
  beforeAll(async () => {
    rescuesApi = await startApi({ DB_NAME: database.name, REDIS_PREFIX: isolatedRedisPrefix('log-privacy-api') });
  });
  afterAll(() => rescuesApi?.close());

  it('answers 500 and logs the duplicate key by code and key name, never the address it quotes', async () => {
    const personal = personalValues();
    const caller = await createUser(rescuesApi);
    const rescue = (name: string) => ({
      name,
      description: 'Rescue',
      email: personal.email,
      city: personal.city,
      region: 'West Yorkshire',
      postcode: personal.postcode,
    });
    expect((await rescuesApi.request('POST', '/api/v1/rescues', { token: caller.token, body: rescue(`Paws ${personal.tok}`) })).status).toBe(201);
    await refreshRole(rescuesApi, caller); // registering a rescue made the caller its rescue_admin
    const duplicate = await rescuesApi.request('POST', '/api/v1/rescues', { token: caller.token, body: rescue(`Claws ${personal.tok}`) });
    expect(duplicate.status).toBe(500);

    const logged = parsed(rescuesApi.logs).find((line) => line.level === 'error' && line.requestId === duplicate.headers.get('x-request-id'));
    expect(logged).toMatchObject({
      message: 'unhandled error',
      context: 'Errors',
      err: { code: 'ER_DUP_ENTRY', errno: 1062, message: "Duplicate entry ? for key 'uq_rescues_contact_email'" },
    });
    expect(logged?.err.statement).toMatch(/^INSERT INTO `rescues`/);
    const everything = rescuesApi.logs.join('\n');
    for (const value of [personal.email, personal.city, personal.postcode, personal.tok]) expect(everything).not.toContain(value);
  });
});
