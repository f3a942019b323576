// Data export and account deletion end to end: the api requests, the worker (same Redis prefix) runs the jobs,
// GET /jobs/{jobId} follows them, mail goes through a real SMTP server.
import { createHash, randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import { AuditLogEntity } from '@app/audit';
import { AuthSessionEntity, BackupCodeEntity, DataExportEntity, EmailTokenEntity, RefreshTokenEntity, UserEntity, UserPreferencesEntity } from '@app/identity';
import { bullConnection, JOB, JobEntity, JobProducer, QUEUE } from '@app/jobs';
import { CORE_SAMPLE_ANSWERS, inTransaction } from '@app/database';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenService } from '../../apps/api/src/modules/auth/access-token.service';
import { DELETION_CANCELLED } from '../../apps/api/src/modules/users/account-deletion.service';
import { USER_DATA_TABLES } from '../../apps/worker/src/privacy/user-data-map';
import { startApi, type TestApi } from '../support/api';
import { adoptablePet, submit } from '../support/applications';
import { createUser, type TestUser } from '../support/identity';
import { insertNotification } from '../support/notifications';
import { startSmtpServer, type TestSmtp } from '../support/smtp';
import { completedJob, isolatedRedisPrefix, startWorker, waitFor, type TestWorker } from '../support/worker';

const SHORT_GRACE_SECONDS = 1;
const DAY_MS = 24 * 3600_000;

let smtp: TestSmtp;
/** Default grace period (30 days): deletion requests stay pending. */
let api: TestApi;
/** One-second grace period, so the worker anonymises during the test. */
let quickApi: TestApi;
let worker: TestWorker;
let db: DataSource;
let jobsQueue: Queue;
let admin: TestUser;

beforeAll(async () => {
  const prefix = isolatedRedisPrefix('privacy');
  smtp = await startSmtpServer();
  api = await startApi({ REDIS_PREFIX: prefix });
  quickApi = await startApi({ REDIS_PREFIX: prefix, ACCOUNT_DELETION_GRACE_SECONDS: String(SHORT_GRACE_SECONDS) });
  worker = await startWorker({ REDIS_PREFIX: prefix, SMTP_URL: smtp.url, ACCOUNT_DELETION_GRACE_SECONDS: String(SHORT_GRACE_SECONDS) });
  db = api.app.get<DataSource>(getDataSourceToken());
  jobsQueue = new Queue(QUEUE.jobs, bullConnection(api.config, 'producer'));
  admin = await createUser(api, { role: 'admin' });
});
afterAll(async () => {
  await jobsQueue?.close();
  await worker?.close();
  await quickApi?.close();
  await api?.close();
  await smtp?.close();
});

/** A new session and access token for an existing user (their earlier sessions may have been revoked). */
async function signInAgain(user: TestUser): Promise<TestUser> {
  const sessionId = newId();
  await db
    .getRepository(AuthSessionEntity)
    .insert({ id: sessionId, userId: user.id, device: 'again', ip: '127.0.0.1', expiresAt: new Date(Date.now() + 3600_000) });
  return { ...user, sessionId, token: api.app.get(AccessTokenService).issue({ userId: user.id, role: user.role, sessionId }).token };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A rescue the user works for, a pet the user lists as an individual, and that pet among their favourites. */
async function catalogDataOf(userId: string, tok: string): Promise<{ rescueId: string; rescueName: string; petId: string }> {
  const rescueId = newId();
  // Not the user's personal data: no `tok` in it.
  const rescueName = `Rescue ${rescueId.slice(-8)}`;
  const petId = newId();
  await db.query(
    "INSERT INTO rescues (id, name, description, email, city, region, postcode, settings) VALUES (?, ?, 'Rescue', 'rescue@example.org', 'York', 'Yorkshire', 'YO1 7HH', '{}')",
    [rescueId, rescueName],
  );
  await db.query("INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, 'staff')", [rescueId, userId]);
  await db.query(
    `INSERT INTO pets (id, owner_type, owner_user_id, name, species, primary_breed, birth_date_estimate, sex, size, description, temperament, city, region, postcode)
     VALUES (?, 'individual', ?, 'Rex', 'dog', 'Collie', '2020-01-01', 'male', 'medium', ?, '[]', ?, 'West Yorkshire', 'LS1 1AA')`,
    [petId, userId, `Lovely dog of ${tok}`, `Leeds ${tok}`],
  );
  await db.query('INSERT INTO pet_favorites (user_id, pet_id) VALUES (?, ?)', [userId, petId]);
  return { rescueId, rescueName, petId };
}
/** A notification the user received, its body carrying `tok`; returns its id. */
const notificationOf = (userId: string, tok: string) => insertNotification(db, userId, { body: `Message about ${tok}` });
const jobRow = (id: string) => db.getRepository(JobEntity).findOneByOrFail({ id });
const finished = (id: string) =>
  waitFor(
    async () => {
      const row = await jobRow(id);
      return row.status === 'succeeded' || row.status === 'failed' ? row : undefined;
    },
    20_000,
    `job ${id} to finish`,
  );

describe('data export', () => {
  it('runs end to end: 202, the job reports progress and succeeds, the owner downloads everything, a mail tells them', async () => {
    const tok = `exp${randomBytes(4).toString('hex')}`;
    const ada = await createUser(api, { name: `Ada ${tok}`, email: `ada-${tok}@example.org` });
    // Some of everything the account owns.
    await api.request('PATCH', `/api/v1/users/${ada.id}`, { token: ada.token, body: { expectedVersion: 1, phone: '+44 113 496 0001', city: `Leeds ${tok}` } });
    const prefs = await api.request('GET', `/api/v1/users/${ada.id}/preferences`, { token: ada.token });
    await api.request('PUT', `/api/v1/users/${ada.id}/preferences`, {
      token: ada.token,
      body: {
        expectedVersion: prefs.body.version,
        notifications: prefs.body.notifications,
        quietHours: prefs.body.quietHours,
        locale: 'en-GB',
        timezone: 'Europe/London',
      },
    });
    const refreshSecret = `refresh-${tok}`;
    await db
      .getRepository(RefreshTokenEntity)
      .insert({ id: newId(), sessionId: ada.sessionId, tokenHash: sha(refreshSecret), expiresAt: new Date(Date.now() + DAY_MS) });
    await db.getRepository(BackupCodeEntity).insert([
      { id: newId(), userId: ada.id, codeHash: sha(`code1-${tok}`), usedAt: null },
      { id: newId(), userId: ada.id, codeHash: sha(`code2-${tok}`), usedAt: new Date() },
    ]);
    await db
      .getRepository(EmailTokenEntity)
      .insert({ id: newId(), userId: ada.id, purpose: 'verify_email', tokenHash: sha(`email-${tok}`), expiresAt: new Date(Date.now() + DAY_MS), usedAt: null });
    const { rescueId, rescueName, petId } = await catalogDataOf(ada.id, tok);
    const notificationId = await notificationOf(ada.id, tok);

    const accepted = await api.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token });
    expect(accepted.status).toBe(202);
    const { jobId } = accepted.body;
    const done = await finished(jobId);
    expect(done.status).toBe('succeeded');
    // queued → running → succeeded alone bumps the version twice; every progress report bumps it once more.
    expect(done.version).toBeGreaterThan(5);

    const status = await api.request('GET', `/api/v1/jobs/${jobId}`, { token: ada.token });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ id: jobId, type: JOB.exportUserData, status: 'succeeded', progress: 100, attempts: 1, error: null });
    expect(status.body.result).toMatchObject({ exportJobId: jobId, counts: { sessions: 1 } });
    expect(status.body.startedAt).not.toBeNull();
    expect(status.body.finishedAt).not.toBeNull();

    const download = await api.request('GET', `/api/v1/users/${ada.id}/data-exports/${jobId}`, { token: ada.token });
    expect(download.status).toBe(200);
    expect(Date.parse(download.body.expiresAt) - Date.parse(download.body.generatedAt)).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(Date.parse(download.body.expiresAt) - Date.parse(download.body.generatedAt)).toBeLessThan(7 * DAY_MS + 60_000);
    const data = download.body.data;
    expect(data.profile).toMatchObject({
      id: ada.id,
      email: ada.email,
      name: `Ada ${tok}`,
      phone: '+44 113 496 0001',
      city: `Leeds ${tok}`,
      role: 'adopter',
      status: 'active',
    });
    expect(data.preferences).toMatchObject({ locale: 'en-GB', timezone: 'Europe/London' });
    expect(data.sessions).toEqual([expect.objectContaining({ id: ada.sessionId, device: 'test', ip: '127.0.0.1', revokedAt: null })]);
    expect(data.twoFactorBackupCodes).toEqual({ total: 2, unused: 1 });
    expect(data.auditEntries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.updated', 'user.preferences_updated', 'user.data_export_requested']),
    );
    expect(data.jobs).toContainEqual(expect.objectContaining({ id: jobId, type: JOB.exportUserData }));
    expect(data.rescueMemberships).toEqual([{ rescueId, rescueName, role: 'staff', joinedAt: expect.any(String) }]);
    expect(data.petListings).toEqual([
      expect.objectContaining({ id: petId, name: 'Rex', city: `Leeds ${tok}`, description: `Lovely dog of ${tok}`, listingStatus: 'draft' }),
    ]);
    expect(data.favouritePets).toEqual([{ petId, createdAt: expect.any(String) }]);
    expect(data.notifications).toEqual([
      expect.objectContaining({
        id: notificationId,
        type: 'message_received',
        title: 'New message',
        body: `Message about ${tok}`,
        inApp: true,
        readAt: null,
        emailStatus: 'skipped',
      }),
    ]);
    // Secrets are not personal data to hand out: no token or code hash appears anywhere in the export.
    const text = JSON.stringify(download.body);
    for (const secret of [refreshSecret, `code1-${tok}`, `code2-${tok}`, `email-${tok}`]) expect(text).not.toContain(sha(secret));
    expect(text).not.toMatch(/hash/i);

    const mail = await smtp.waitForMail(ada.email, /data export is ready/i, { timeoutMs: 15_000 });
    expect(mail.text).toContain(jobId);
  });

  it("is the owner's only: another user, even an admin, gets 404 for the export and the job", async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const { jobId } = (await api.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token })).body;
    await finished(jobId);
    for (const other of [bob, admin]) {
      expect((await api.request('GET', `/api/v1/users/${ada.id}/data-exports/${jobId}`, { token: other.token })).status).toBe(404);
      expect((await api.request('GET', `/api/v1/users/${other.id}/data-exports/${jobId}`, { token: other.token })).status).toBe(404);
      expect((await api.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: other.token })).status).toBe(404);
    }
    expect((await api.request('GET', `/api/v1/jobs/${jobId}`, { token: bob.token })).status).toBe(404);
    // jobs:read-any lets an admin follow any job, without reaching the export itself.
    expect((await api.request('GET', `/api/v1/jobs/${jobId}`, { token: admin.token })).body.status).toBe('succeeded');
  });

  it('is gone (404) once expired', async () => {
    const ada = await createUser(api);
    const { jobId } = (await api.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token })).body;
    await finished(jobId);
    await db.getRepository(DataExportEntity).update({ jobId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await api.request('GET', `/api/v1/users/${ada.id}/data-exports/${jobId}`, { token: ada.token })).status).toBe(404);
  });

  it('writes one export per job even when the job is delivered twice', async () => {
    const ada = await createUser(api);
    const { jobId } = (await api.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token })).body;
    await finished(jobId);
    const first = await db.getRepository(DataExportEntity).findOneByOrFail({ jobId });
    // A redelivery: the same tracked job enqueued again under another BullMQ id.
    await jobsQueue.add(JOB.exportUserData, { userId: ada.id, trackedJobId: jobId }, { jobId: `${jobId}-again` });
    await completedJob(jobsQueue, `${jobId}-again`, 15_000);
    expect(await db.getRepository(DataExportEntity).findBy({ userId: ada.id })).toEqual([first]);
  });
});

describe('account deletion', () => {
  it('schedules anonymisation after the grace period and revokes every session at once', async () => {
    const ada = await createUser(api);
    await db.getRepository(AuthSessionEntity).insert({ id: newId(), userId: ada.id, device: 'tablet', ip: null, expiresAt: new Date(Date.now() + 3600_000) });
    const before = Date.now();
    const res = await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token });
    expect(res.status).toBe(202);
    const { jobId } = res.body;

    const user = await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id });
    expect(user).toMatchObject({ status: 'pending_deletion', deletionJobId: jobId });
    expect(user.deletionRequestedAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
    const sessions = await db.getRepository(AuthSessionEntity).findBy({ userId: ada.id });
    expect(sessions.map((s) => s.revokedReason)).toEqual(['deleted', 'deleted']);
    expect((await api.request('GET', `/api/v1/users/${ada.id}`, { token: ada.token })).status).toBe(401);

    expect(await jobRow(jobId)).toMatchObject({
      type: JOB.anonymiseUser,
      status: 'queued',
      createdBy: ada.id,
      payload: { userId: ada.id, notBefore: expect.any(String) },
    });
    const queued = await waitFor(async () => jobsQueue.getJob(jobId), 5000, 'delayed job');
    expect(await queued.getState()).toBe('delayed');
    expect(queued.opts.delay).toBeGreaterThan(30 * DAY_MS - 60_000);
    expect(queued.opts.delay).toBeLessThanOrEqual(30 * DAY_MS);
  });

  it('keeps the delay when the job row is enqueued again (the sweeper, after Redis lost the job)', async () => {
    const ada = await createUser(api);
    const { jobId } = (await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token })).body;
    await waitFor(async () => jobsQueue.getJob(jobId), 5000, 'delayed job');
    const row = await waitFor(
      async () => {
        const r = await jobRow(jobId);
        return r.enqueuedAt ? r : undefined;
      },
      5000,
      'enqueued_at',
    );
    // The sweeper treats a row as lost JOB_SWEEP_AFTER_MS after enqueued_at: for a delayed job, after it is due.
    expect(row.enqueuedAt!.getTime()).toBe(Date.parse(String(row.payload.notBefore)));

    expect(await jobsQueue.remove(jobId)).toBe(1);
    await api.app.get(JobProducer).enqueueTracked(row);
    const again = await jobsQueue.getJob(jobId);
    expect(await again!.getState()).toBe('delayed');
    expect(again!.opts.delay).toBeGreaterThan(30 * DAY_MS - 60_000);
  });

  it('answers 409 to a second request while one is pending, and 404 to anyone but the owner', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    for (const other of [bob, admin]) expect((await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: other.token })).status).toBe(404);
    expect((await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).status).toBe('active');

    expect((await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token })).status).toBe(202);
    const again = await signInAgain(ada);
    const res = await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: again.token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(await db.getRepository(JobEntity).countBy({ createdBy: ada.id, type: JOB.anonymiseUser })).toBe(1);
  });

  it('is cancelled within the grace period: the account is active again and the scheduled job is withdrawn', async () => {
    const ada = await createUser(api);
    const { jobId } = (await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token })).body;
    await waitFor(async () => jobsQueue.getJob(jobId), 5000, 'delayed job');

    const again = await signInAgain(ada);
    const res = await api.request('POST', `/api/v1/users/${ada.id}/deletion/cancel`, { token: again.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ada.id, status: 'active' });
    expect(await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).toMatchObject({
      status: 'active',
      deletionRequestedAt: null,
      deletionJobId: null,
    });
    expect(await jobRow(jobId)).toMatchObject({ status: 'failed', errorCode: DELETION_CANCELLED });
    expect(await jobsQueue.getJob(jobId)).toBeUndefined();
    const actions = (await db.getRepository(AuditLogEntity).findBy({ targetId: ada.id })).map((e) => e.action).sort();
    expect(actions).toEqual(['user.deletion_cancelled', 'user.deletion_requested']);

    const twice = await api.request('POST', `/api/v1/users/${ada.id}/deletion/cancel`, { token: again.token });
    expect(twice.status).toBe(409);
  });

  it('can be cancelled for the owner by an account manager, not by another user', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    await api.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token });
    expect((await api.request('POST', `/api/v1/users/${ada.id}/deletion/cancel`, { token: bob.token })).status).toBe(404);
    const res = await api.request('POST', `/api/v1/users/${ada.id}/deletion/cancel`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
  });

  it('ends, after the grace period, with the account anonymised: no personal data left, audit entries kept', async () => {
    const tok = `del${randomBytes(4).toString('hex')}`;
    const ada = await createUser(quickApi, { name: `Ada ${tok}`, email: `ada-${tok}@example.org` });
    const pii = [tok, '+44 7700 900123'];
    await quickApi.request('PATCH', `/api/v1/users/${ada.id}`, {
      token: ada.token,
      body: { expectedVersion: 1, phone: '+44 7700 900123', city: `City ${tok}`, bio: `Bio ${tok}` },
    });
    await quickApi.request('GET', `/api/v1/users/${ada.id}/preferences`, { token: ada.token });
    await db
      .getRepository(RefreshTokenEntity)
      .insert({ id: newId(), sessionId: ada.sessionId, tokenHash: sha(`r-${tok}`), expiresAt: new Date(Date.now() + DAY_MS) });
    await db.getRepository(BackupCodeEntity).insert({ id: newId(), userId: ada.id, codeHash: sha(`b-${tok}`), usedAt: null });
    await db
      .getRepository(EmailTokenEntity)
      .insert({ id: newId(), userId: ada.id, purpose: 'reset_password', tokenHash: sha(`e-${tok}`), expiresAt: new Date(Date.now() + DAY_MS), usedAt: null });
    await db
      .getRepository(DataExportEntity)
      .insert({ jobId: newId(), userId: ada.id, content: JSON.stringify({ profile: { email: ada.email } }), expiresAt: new Date(Date.now() + DAY_MS) });
    await db.query(
      "INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, response_status, response_body, expires_at) VALUES (?, 'op', ?, REPEAT('a', 64), 201, ?, CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY)",
      [ada.id, `key-${tok}`, JSON.stringify({ email: ada.email })],
    );
    const { rescueId } = await catalogDataOf(ada.id, tok);
    await notificationOf(ada.id, tok);

    const { jobId } = (await quickApi.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token })).body;
    const done = await finished(jobId);
    expect(done).toMatchObject({ status: 'succeeded', result: { outcome: 'anonymised' } });

    const user = await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id });
    expect(user).toMatchObject({
      status: 'deleted',
      email: `deleted-${ada.id}@deleted.invalid`,
      name: 'Deleted user',
      phone: null,
      city: null,
      bio: null,
      emailVerifiedAt: null,
      twoFactorSecret: null,
      twoFactorEnabledAt: null,
    });
    expect(user.passwordHash).not.toMatch(/^\$argon2/);
    for (const entity of [UserPreferencesEntity, AuthSessionEntity, BackupCodeEntity, EmailTokenEntity, DataExportEntity]) {
      expect(await db.getRepository(entity).countBy({ userId: ada.id })).toBe(0);
    }
    expect(await db.getRepository(RefreshTokenEntity).countBy({ sessionId: ada.sessionId })).toBe(0);
    const [catalog] = await db.query(
      'SELECT (SELECT COUNT(*) FROM rescue_staff WHERE user_id = ?) AS staff, (SELECT COUNT(*) FROM pets WHERE owner_user_id = ?) AS pets, (SELECT COUNT(*) FROM pet_favorites WHERE user_id = ?) AS favourites, (SELECT COUNT(*) FROM notifications WHERE user_id = ?) AS notifications, (SELECT COUNT(*) FROM rescues WHERE id = ?) AS rescues',
      [ada.id, ada.id, ada.id, ada.id, rescueId],
    );
    // The rescue itself is not the user's: it stays.
    expect(Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, Number(v)]))).toEqual({
      staff: 0,
      pets: 0,
      favourites: 0,
      notifications: 0,
      rescues: 1,
    });

    // Nothing in any table holds the name, e-mail, phone, city or bio any more (they all carry `tok`).
    const tables: Array<{ name: string }> = await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
    for (const { name } of tables) {
      const rows = await db.query(`SELECT * FROM \`${name}\``);
      for (const value of pii) expect(JSON.stringify(rows).includes(value), `${name} still holds ${value}`).toBe(false);
    }

    // The audit trail stays, with the user id as the (now anonymous) actor.
    const trail = await db.getRepository(AuditLogEntity).findBy({ targetId: ada.id });
    expect(trail.map((e) => [e.action, e.actorId]).sort()).toEqual([
      ['user.anonymised', null],
      ['user.deletion_requested', ada.id],
      ['user.updated', ada.id],
    ]);
    const seen = await quickApi.request('GET', `/api/v1/users/${ada.id}`, { token: admin.token });
    expect(seen.body).toMatchObject({ status: 'deleted', email: `deleted-${ada.id}@deleted.invalid`, name: 'Deleted user' });

    // A second delivery finds the account deleted and changes nothing.
    const version = (await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).version;
    await jobsQueue.add(JOB.anonymiseUser, { userId: ada.id, trackedJobId: jobId }, { jobId: `${jobId}-again` });
    expect((await completedJob(jobsQueue, `${jobId}-again`, 15_000)).returnvalue).toEqual({ outcome: 'skipped', reason: 'the account is deleted' });
    expect((await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).version).toBe(version);
  });

  const anonymiseNow = (userId: string) =>
    inTransaction(db, (tx) => api.app.get(JobProducer).createTracked(tx, { name: JOB.anonymiseUser, payload: { userId }, createdBy: userId }));

  it('does nothing when the job runs for an account no longer pending deletion (e.g. cancelled)', async () => {
    const ada = await createUser(api, { name: 'Still here' });
    const job = await anonymiseNow(ada.id);
    expect(await finished(job.id)).toMatchObject({ status: 'succeeded', result: { outcome: 'skipped', reason: 'the account is active' } });
    expect(await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).toMatchObject({ status: 'active', name: 'Still here', version: 1 });
  });

  it('does nothing when the job belongs to an earlier, cancelled request of an account pending deletion again', async () => {
    const ada = await createUser(api, { name: 'Asked twice', status: 'pending_deletion' });
    await db.query('UPDATE users SET deletion_requested_at = ?, deletion_job_id = ? WHERE id = ?', [new Date(Date.now() - DAY_MS), newId(), ada.id]);
    const stale = await anonymiseNow(ada.id);
    expect(await finished(stale.id)).toMatchObject({ status: 'succeeded', result: { outcome: 'skipped', reason: 'superseded by another deletion request' } });
    expect(await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).toMatchObject({ status: 'pending_deletion', name: 'Asked twice' });
  });

  it('waits, without failing, when the job arrives before the grace period is over', async () => {
    const ada = await createUser(api, { name: 'Early', status: 'pending_deletion' });
    const job = await inTransaction(db, async (tx) => {
      const created = await api.app.get(JobProducer).createTracked(tx, { name: JOB.anonymiseUser, payload: { userId: ada.id }, createdBy: ada.id });
      await tx.manager.query('UPDATE users SET deletion_requested_at = CURRENT_TIMESTAMP(3), deletion_job_id = ? WHERE id = ?', [created.id, ada.id]);
      return created;
    });
    const requestedAt = (await db.getRepository(UserEntity).findOneByOrFail({ id: ada.id })).deletionRequestedAt!;
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { outcome: 'anonymised' } });
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(requestedAt.getTime() + SHORT_GRACE_SECONDS * 1000);
    expect((await jobsQueue.getJob(job.id))?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('applications in exports and erasure', () => {
  it("exports the user's applications, references, drafts and messages, and erases them with the notifications that name the user", async () => {
    const tok = `app${randomBytes(4).toString('hex')}`;
    const ada = await createUser(quickApi, { name: `Ada ${tok}`, email: `ada-${tok}@example.org` });
    const rescue = await adoptablePet(quickApi);
    const applied = await submit(quickApi, ada, rescue.petId, {
      answers: { ...CORE_SAMPLE_ANSWERS, experience: `Years with dogs ${tok}` },
      references: [{ name: `Friend of ${tok}`, relationship: 'friend', email: `friend-${tok}@example.org` }],
    });
    expect(applied.status).toBe(201);
    const applicationId = applied.body.id;
    await quickApi.request('POST', `/api/v1/applications/${applicationId}/review`, {
      token: rescue.staff.token,
      body: { action: 'start_review', note: 'Promising.' },
    });
    await quickApi.request('POST', `/api/v1/applications/${applicationId}/messages`, { token: ada.token, body: { body: `Hello from ${tok}` } });
    const other = await adoptablePet(quickApi);
    await quickApi.request('POST', '/api/v1/applications/drafts', { token: ada.token, body: { petId: other.petId, answers: { experience: `Draft ${tok}` } } });
    // An approved application holds another pet (pending) until the adoption completes.
    const promised = await adoptablePet(quickApi);
    const approved = (await submit(quickApi, ada, promised.petId)).body.id;
    for (const action of ['start_review', 'approve']) {
      await quickApi.request('POST', `/api/v1/applications/${approved}/review`, { token: promised.staff.token, body: { action } });
    }
    expect((await db.query('SELECT availability FROM pets WHERE id = ?', [promised.petId]))[0].availability).toBe('pending');
    const fan = await createUser(quickApi, { name: 'A fan of the promised pet' });
    expect((await quickApi.request('POST', `/api/v1/pets/${promised.petId}/favorite`, { token: fan.token })).status).toBeLessThan(300);
    // The rescue's staff were told, by name, that Ada applied.
    const named = await db.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND body LIKE ?', [rescue.staff.id, `%${tok}%`]);
    expect(Number(named[0].n)).toBeGreaterThan(0);

    const { jobId: exportJobId } = (await quickApi.request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token })).body;
    expect((await finished(exportJobId)).status).toBe('succeeded');
    const data = (await quickApi.request('GET', `/api/v1/users/${ada.id}/data-exports/${exportJobId}`, { token: ada.token })).body.data;
    expect(data.applications).toContainEqual(
      expect.objectContaining({
        id: applicationId,
        petId: rescue.petId,
        status: 'under_review',
        answers: expect.objectContaining({ experience: `Years with dogs ${tok}` }),
      }),
    );
    expect(data.applicationReferencesGiven).toContainEqual(expect.objectContaining({ applicationId, name: `Friend of ${tok}`, status: 'pending' }));
    expect(data.applicationDrafts).toEqual([expect.objectContaining({ petId: other.petId, answers: { experience: `Draft ${tok}` }, references: [] })]);
    expect(data.applicationMessages).toEqual([
      expect.objectContaining({ applicationId, senderSide: 'applicant', sentByUser: true, body: `Hello from ${tok}` }),
    ]);
    // Every step of their application, without the rescue's internal note.
    expect(
      data.applicationHistory
        .filter((h: { applicationId: string }) => h.applicationId === applicationId)
        .map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'submitted'],
      ['submitted', 'under_review'],
    ]);
    expect(JSON.stringify(data)).not.toContain('Promising.');
    expect(data.applicationStatusChanges).toEqual([]);

    const { jobId } = (await quickApi.request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token })).body;
    expect(await finished(jobId)).toMatchObject({ status: 'succeeded', result: { outcome: 'anonymised' } });
    const [left] = await db.query(
      `SELECT (SELECT COUNT(*) FROM applications WHERE applicant_id = ?) AS applications, (SELECT COUNT(*) FROM application_drafts WHERE applicant_id = ?) AS drafts,
              (SELECT COUNT(*) FROM application_messages WHERE application_id = ?) AS messages, (SELECT COUNT(*) FROM application_references WHERE application_id = ?) AS refs,
              (SELECT COUNT(*) FROM notifications WHERE resource_id = ?) AS notifications, (SELECT COUNT(*) FROM pets WHERE id = ?) AS pets`,
      [ada.id, ada.id, applicationId, applicationId, applicationId, rescue.petId],
    );
    expect(Object.fromEntries(Object.entries(left).map(([k, v]) => [k, Number(v)]))).toEqual({
      applications: 0,
      drafts: 0,
      messages: 0,
      refs: 0,
      notifications: 0,
      pets: 1,
    });
    // The pet the erased applicant was promised is available again, as after a withdrawal.
    expect((await db.query('SELECT availability FROM pets WHERE id = ?', [promised.petId]))[0].availability).toBe('available');
    const [release] = await db.query(
      "SELECT from_status, to_status, actor_id FROM pet_status_history WHERE pet_id = ? AND kind = 'availability' ORDER BY created_at DESC, id DESC LIMIT 1",
      [promised.petId],
    );
    expect(release).toEqual({ from_status: 'pending', to_status: 'available', actor_id: null });
    // Through the same availability change as the api's: audited, and the pet's fans are told.
    const audited = await db.getRepository(AuditLogEntity).findBy({ action: 'pet.availability_changed', targetId: promised.petId });
    expect(audited.map((entry) => [entry.actorId, entry.afterState])).toContainEqual([null, expect.objectContaining({ availability: 'available' })]);
    const [fanOut] = await db.query("SELECT id FROM jobs WHERE type = ? AND JSON_VALUE(payload, '$.petId') = ? AND JSON_VALUE(payload, '$.to') = 'available'", [
      JOB.fanOutPetStatusChange,
      promised.petId,
    ]);
    expect(fanOut, 'a fan-out job for the release').toBeDefined();
    expect((await finished(fanOut.id)).status).toBe('succeeded');
    const told = await db.query("SELECT title FROM notifications WHERE user_id = ? AND type = 'favorite_pet_status_changed' AND resource_id = ?", [
      fan.id,
      promised.petId,
    ]);
    expect(told).toHaveLength(1);
    const tables: Array<{ name: string }> = await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
    for (const { name } of tables) {
      const rows = await db.query(`SELECT * FROM \`${name}\``);
      expect(JSON.stringify(rows).includes(tok), `${name} still holds ${tok}`).toBe(false);
    }
  });
});

describe('what exports and erasure cover', () => {
  it('names every table that links rows to a user (user_id, created_by, actor_id, foreign keys to users)', async () => {
    const linked: Array<{ name: string }> = await db.query(
      `SELECT DISTINCT table_name AS name FROM information_schema.columns
        WHERE table_schema = DATABASE() AND column_name IN ('user_id', 'created_by', 'actor_id')
       UNION
       SELECT DISTINCT table_name FROM information_schema.key_column_usage
        WHERE table_schema = DATABASE() AND referenced_table_name IN ('users', 'auth_sessions')`,
    );
    const missing = linked.map((t) => t.name).filter((name) => !(name in USER_DATA_TABLES));
    expect(missing, 'add these tables to apps/worker/src/privacy/user-data-map.ts and to the export and anonymisation').toEqual([]);
  });
});
