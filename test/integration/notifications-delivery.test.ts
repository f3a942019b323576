// Notification e-mail and the pet fan-out end to end: the api writes notifications (and changes pets over HTTP),
// a worker on the same isolated Redis prefix delivers through a real SMTP server.
import { newId } from '@app/common';
import { DEFAULT_PREFERENCES, UserPreferencesEntity } from '@app/identity';
import { bullConnection, JOB, JobEntity, JobProducer, QUEUE, type PetStatusFanOutPayload } from '@app/jobs';
import { enqueueNotificationEmails, notificationEmailJobId, NotificationEntity, type NotificationEvent } from '@app/notifications';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAN_OUT_BATCH } from '../../apps/worker/src/notifications/fan-out-pet-status.handler';
import { NotificationEmailSweeper } from '../../apps/worker/src/notifications/notification-email-sweeper';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';
import { insertNotification, notificationEvent, notifyVia } from '../support/notifications';
import { dataSourceOf, listingAction, rehomerPetIn } from '../support/pets';
import { connectRealtime } from '../support/realtime';
import { DisposableRedis } from '../support/redis-server';
import { startSmtpServer, type TestSmtp } from '../support/smtp';
import { completedJob, isolatedRedisPrefix, startWorker, waitFor, type TestWorker } from '../support/worker';

let smtp: TestSmtp;
let api: TestApi;
let worker: TestWorker;
let db: DataSource;
let queue: Queue;

beforeAll(async () => {
  const prefix = isolatedRedisPrefix('notifications');
  smtp = await startSmtpServer();
  api = await startApi({ REDIS_PREFIX: prefix });
  // The sweeper runs only when a test asks (sweepOnce), and takes a pending e-mail for lost after one second.
  worker = await startWorker({
    REDIS_PREFIX: prefix,
    SMTP_URL: smtp.url,
    WEB_APP_URL: 'https://app.example.org',
    JOB_SWEEP_AFTER_MS: '1000',
    JOB_SWEEP_INTERVAL_MS: '3600000',
  });
  db = dataSourceOf(api);
  queue = new Queue(QUEUE.notifications, bullConnection(api.config, 'producer'));
});
afterAll(async () => {
  await queue?.close();
  await worker?.close();
  await api?.close();
  await smtp?.close();
});

const event = (user: TestUser, overrides: Partial<NotificationEvent> = {}) =>
  notificationEvent(user, { body: 'The rescue approved your application to adopt Biscuit <3.', ...overrides });

const rowOf = (id: string) => db.getRepository(NotificationEntity).findOneByOrFail({ id });
const rowsOf = (user: TestUser) => db.getRepository(NotificationEntity).findBy({ userId: user.id });
const settled = (id: string) =>
  waitFor(
    async () => {
      const row = await rowOf(id);
      return row.emailStatus !== 'pending' ? row : undefined;
    },
    15_000,
    `e-mail of ${id} to settle`,
  );

async function notifyOne(user: TestUser, overrides: Partial<NotificationEvent> = {}): Promise<NotificationEntity> {
  const e = event(user, overrides);
  await notifyVia(api, [e]);
  return db.getRepository(NotificationEntity).findOneByOrFail({ userId: user.id, eventKey: e.eventKey });
}

async function savePreferences(user: TestUser, changes: Partial<Pick<UserPreferencesEntity, 'notifications' | 'quietHours' | 'timezone'>>) {
  await db.getRepository(UserPreferencesEntity).upsert({ userId: user.id, ...DEFAULT_PREFERENCES, ...changes }, ['userId']);
}

/** A pending e-mail written as the Notifier would, without enqueueing it, so that only the worker decides. */
const pendingRow = (user: TestUser, overrides: Partial<NotificationEntity> = {}) =>
  insertNotification(db, user.id, { emailStatus: 'pending', emailDueAt: new Date(), ...overrides });

describe('notification e-mail', () => {
  it('is mailed once, with the title, the escaped body and a link to the record in the web app; the row is marked sent', async () => {
    const ada = await createUser(api, { name: 'Ada <Lovelace>' });
    const row = await notifyOne(ada);
    const mail = await smtp.waitForMail(ada.email, /Your application was approved/);
    expect(mail.subject).toBe("Your application was approved — Adopt Don't Shop");
    expect(mail.text).toContain('Hello Ada <Lovelace>,');
    expect(mail.text).toContain('The rescue approved your application to adopt Biscuit <3.');
    expect(mail.text).toContain(`View the application: https://app.example.org/applications/${row.resourceId}`);
    expect(mail.html).toContain('adopt Biscuit &lt;3.');
    expect(mail.html).toContain('Hello Ada &lt;Lovelace&gt;,');
    expect(mail.messageId).toBe(`<notification-${row.id}@example.org>`);

    const sent = await settled(row.id);
    expect(sent).toMatchObject({ emailStatus: 'sent', emailDetail: null, emailDueAt: null });
    expect(sent.emailSentAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mailsTo(ada.email)).toHaveLength(1);
  });

  it('is not mailed again when its job is delivered again or swept again', async () => {
    const ada = await createUser(api);
    const row = await notifyOne(ada, { title: 'Delivered twice' });
    await smtp.waitForMail(ada.email, /Delivered twice/);
    await settled(row.id);
    // A redelivery: the same notification's job run again under another BullMQ id.
    const again = await queue.add(JOB.deliverNotificationEmail, { notificationId: row.id }, { jobId: `${notificationEmailJobId(row.id)}-again` });
    expect((await completedJob(queue, again.id!)).returnvalue).toEqual({ outcome: 'skipped', reason: 'e-mail already sent' });
    await worker.app.get(NotificationEmailSweeper).sweepOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mailsTo(ada.email)).toHaveLength(1);
  });

  it("honours what the recipient's account and preferences say when it is sent: no mail, and the reason on the row", async () => {
    const off = await createUser(api);
    await savePreferences(off, { notifications: { ...DEFAULT_PREFERENCES.notifications, messages: { email: false, inApp: true } } });
    const unverified = await createUser(api, { verified: false });
    const deactivated = await createUser(api, { status: 'deactivated' });
    const reader = await createUser(api);
    const cases: Array<[TestUser, string, string]> = [
      [off, await pendingRow(off), 'preference_off'],
      [unverified, await pendingRow(unverified), 'email_unverified'],
      [deactivated, await pendingRow(deactivated), 'account_inactive'],
      [reader, await pendingRow(reader, { readAt: new Date() }), 'already_read'],
    ];
    await enqueueNotificationEmails(
      api.app.get(JobProducer),
      cases.map(([, id]) => id),
    );
    for (const [user, id, reason] of cases) {
      expect(await settled(id)).toMatchObject({ emailStatus: 'skipped', emailDetail: reason, emailSentAt: null });
      // The row is marked inside the job; its return value is stored once the job has completed.
      expect((await completedJob(queue, notificationEmailJobId(id))).returnvalue).toEqual({ outcome: 'skipped', reason });
      expect(smtp.mailsTo(user.email)).toEqual([]);
    }
  });

  it('waits for the end of quiet hours, in the delayed state, without spending an attempt; then it is sent', async () => {
    const ada = await createUser(api);
    const now = Date.now();
    // A window from an hour ago to two hours ahead, in local times of a zone without daylight saving (UTC+9).
    const zone = 'Asia/Tokyo';
    const tokyo = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(11, 16);
    await savePreferences(ada, { quietHours: { enabled: true, start: tokyo(now - 3600_000), end: tokyo(now + 2 * 3600_000) }, timezone: zone });
    const row = await notifyOne(ada, { title: 'Quiet please' });
    const expectedEnd = Math.floor((now + 2 * 3600_000) / 60_000) * 60_000;

    const job = await waitFor(
      async () => {
        const j = await queue.getJob(notificationEmailJobId(row.id));
        return j && (await j.getState()) === 'delayed' ? j : undefined;
      },
      10_000,
      'delayed job',
    );
    expect(job.attemptsMade).toBe(0);
    // When it will run, from the delayed set itself (score = due time × 0x1000 + a counter), not from the job's
    // `delay`, which counts from the moment the job was moved rather than from when it was queued.
    const score = Number(await (await queue.getBackend().client).zscore(queue.keys.delayed, job.id!));
    expect(Math.floor(score / 0x1000)).toBeGreaterThanOrEqual(expectedEnd - 1000);
    expect(Math.floor(score / 0x1000)).toBeLessThanOrEqual(expectedEnd + 1000);
    const waiting = await rowOf(row.id);
    expect(waiting).toMatchObject({ emailStatus: 'pending' });
    expect(waiting.emailDueAt!.getTime()).toBe(expectedEnd);
    // The sweeper does not take a job waiting for quiet hours for lost.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await worker.app.get(NotificationEmailSweeper).sweepOnce();
    expect((await rowOf(row.id)).emailDueAt!.getTime()).toBe(expectedEnd);
    expect(smtp.mailsTo(ada.email)).toEqual([]);

    // The window is over (here: switched off); the delayed job runs and mails.
    await savePreferences(ada, { quietHours: { enabled: false, start: '22:00', end: '07:00' }, timezone: zone });
    await job.promote();
    await smtp.waitForMail(ada.email, /Quiet please/);
    expect(await settled(row.id)).toMatchObject({ emailStatus: 'sent' });
    // The row is marked sent inside the job; BullMQ counts the attempt once the job has completed.
    expect((await completedJob(queue, notificationEmailJobId(row.id))).attemptsMade).toBe(1);
  });

  it('is delivered by the sweeper when Redis was down as the transaction committed', async () => {
    const redis = await DisposableRedis.start();
    const outage = await startApi({ REDIS_URL: redis.url });
    try {
      const ada = await createUser(api);
      await redis.down();
      const e = event(ada, { title: 'Sent despite the outage' });
      await notifyVia(outage, [e]);
      const row = await db.getRepository(NotificationEntity).findOneByOrFail({ userId: ada.id, eventKey: e.eventKey });
      expect(row.emailStatus).toBe('pending');
      expect(await queue.getJob(notificationEmailJobId(row.id))).toBeUndefined();

      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await worker.app.get(NotificationEmailSweeper).sweepOnce()).toBeGreaterThanOrEqual(1);
      await smtp.waitForMail(ada.email, /Sent despite the outage/);
      expect(await settled(row.id)).toMatchObject({ emailStatus: 'sent' });
      expect(smtp.mailsTo(ada.email)).toHaveLength(1);
    } finally {
      await redis.up();
      await outage.close();
      await redis.down();
    }
  });

  it('is marked failed after its last attempt, so that nothing retries it for ever', async () => {
    const prefix = isolatedRedisPrefix('notifications-smtp-down');
    const unreachable = await startWorker({ REDIS_PREFIX: prefix, SMTP_URL: 'smtp://127.0.0.1:1', JOB_SWEEP_INTERVAL_MS: '3600000' });
    const failing = new Queue(QUEUE.notifications, bullConnection(unreachable.config, 'producer'));
    try {
      const ada = await createUser(api);
      const id = await pendingRow(ada);
      await failing.add(
        JOB.deliverNotificationEmail,
        { notificationId: id },
        { jobId: notificationEmailJobId(id), attempts: 2, backoff: { type: 'fixed', delay: 10 } },
      );
      const row = await settled(id);
      expect(row.emailStatus).toBe('failed');
      expect(row.emailDetail).toMatch(/ECONNREFUSED|connect/i);
      expect((await failing.getJob(notificationEmailJobId(id)))?.attemptsMade).toBe(2);
    } finally {
      await failing.close();
      await unreachable.close();
    }
  });
});

describe('fan-out of pet availability changes', () => {
  const fanOutJobOf = (petId: string) =>
    waitFor(
      async () => {
        const [row] = await db.query(
          "SELECT id FROM jobs WHERE type = ? AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.petId')) = ? AND status IN ('succeeded', 'failed') ORDER BY created_at DESC LIMIT 1",
          [JOB.fanOutPetStatusChange, petId],
        );
        return row ? db.getRepository(JobEntity).findOneByOrFail({ id: row.id }) : undefined;
      },
      15_000,
      `fan-out of ${petId}`,
    );
  const changeAvailability = async (owner: TestUser, petId: string, availability: string) => {
    const current = await api.request('GET', `/api/v1/pets/${petId}`, { token: owner.token });
    const res = await api.request('PUT', `/api/v1/pets/${petId}/availability`, {
      token: owner.token,
      body: { availability, expectedVersion: current.body.version },
    });
    expect(res.status).toBe(200);
  };
  const favourite = async (user: TestUser, petId: string) =>
    expect((await api.request('POST', `/api/v1/pets/${petId}/favorite`, { token: user.token })).status).toBe(204);
  const petNotifications = async (user: TestUser, petId: string) =>
    (await rowsOf(user)).filter((n) => n.type === 'favorite_pet_status_changed' && n.resourceId === petId);

  it('notifies everyone who favourited the pet once, except who changed it, in the centre and (if they want) by e-mail', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'published');
    const fans = [await createUser(api), await createUser(api), await createUser(api)];
    await savePreferences(fans[2], { notifications: { ...DEFAULT_PREFERENCES.notifications, petUpdates: { email: true, inApp: true } } });
    for (const fan of [...fans, owner]) await favourite(fan, petId);
    // The worker writes these notifications; the api's gateway pushes them to the fans' open apps.
    const live = await connectRealtime(api, fans[1].token);

    await changeAvailability(owner, petId, 'on_hold');
    const job = await fanOutJobOf(petId);
    expect(job).toMatchObject({ status: 'succeeded', createdBy: owner.id, result: { outcome: 'notified', recipients: 3, batches: 1 } });
    for (const fan of fans) {
      const [only, ...more] = await petNotifications(fan, petId);
      expect(more).toEqual([]);
      expect(only).toMatchObject({ title: 'Biscuit is on hold', body: 'Biscuit, one of your favourite pets, was available and is now on hold.', inApp: true });
    }
    expect(await petNotifications(owner, petId)).toEqual([]);

    const pushed = await live.next('notification.created');
    live.close();
    expect(pushed.notification).toMatchObject({ type: 'favorite_pet_status_changed', title: 'Biscuit is on hold', resourceId: petId });

    const centre = await api.request('GET', '/api/v1/notifications', { token: fans[0].token });
    expect(centre.body.items[0]).toMatchObject({ type: 'favorite_pet_status_changed', resourceType: 'pet', resourceId: petId, link: `/api/v1/pets/${petId}` });
    // Pet updates are not mailed by default; the fan who asked for them gets the mail.
    expect((await petNotifications(fans[0], petId))[0]).toMatchObject({ emailStatus: 'skipped', emailDetail: 'preference_off' });
    const mail = await smtp.waitForMail(fans[2].email, /Biscuit is on hold/);
    expect(mail.text).toContain(`See the pet: https://app.example.org/pets/${petId}`);

    // The same fan-out run again (a redelivery of the tracked job): still one notification each, no second mail.
    const again = await queue.add(
      JOB.fanOutPetStatusChange,
      { ...(job.payload as unknown as PetStatusFanOutPayload), trackedJobId: job.id },
      { jobId: `${job.id}-again` },
    );
    await completedJob(queue, again.id!);
    for (const fan of fans) expect(await petNotifications(fan, petId)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mailsTo(fans[2].email)).toHaveLength(1);

    // A later change is another event: one more notification each.
    await changeAvailability(owner, petId, 'available');
    await waitFor(async () => ((await petNotifications(fans[0], petId)).length === 2 ? true : undefined), 15_000, 'second change');
    expect((await petNotifications(fans[1], petId)).map((n) => n.title).sort()).toEqual(['Biscuit is available for adoption', 'Biscuit is on hold']);
  });

  it('schedules nothing for a pet nobody else favourited or nobody else may see', async () => {
    const lonely = await rehomerPetIn(api, 'published');
    await favourite(lonely.owner, lonely.petId);
    await changeAvailability(lonely.owner, lonely.petId, 'adopted');
    const draft = await rehomerPetIn(api, 'draft');
    await db.query('INSERT INTO pet_favorites (user_id, pet_id) VALUES (?, ?)', [(await createUser(api)).id, draft.petId]);
    await changeAvailability(draft.owner, draft.petId, 'on_hold');
    const [{ count }] = await db.query("SELECT COUNT(*) AS count FROM jobs WHERE type = ? AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.petId')) IN (?, ?)", [
      JOB.fanOutPetStatusChange,
      lonely.petId,
      draft.petId,
    ]);
    expect(Number(count)).toBe(0);
  });

  it('stops, notifying nobody, when the pet is no longer published by the time it runs', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'published');
    const fan = await createUser(api);
    await favourite(fan, petId);
    expect((await listingAction(api, owner, petId, 'retire')).status).toBe(200);
    const job = await queue.add(JOB.fanOutPetStatusChange, {
      petId,
      petName: 'Biscuit',
      from: 'available',
      to: 'adopted',
      actorId: owner.id,
      changeId: newId(),
    });
    expect((await completedJob(queue, job.id!)).returnvalue).toEqual({
      outcome: 'stopped',
      reason: 'the pet is no longer published',
      recipients: 0,
      batches: 0,
    });
    expect(await petNotifications(fan, petId)).toEqual([]);
  });

  it(`walks a pet with many fans in batches of ${FAN_OUT_BATCH}, one notification each`, async () => {
    const { petId, owner } = await rehomerPetIn(api, 'published');
    const count = 2 * FAN_OUT_BATCH + 100;
    const ids = Array.from({ length: count }, newId);
    for (let i = 0; i < count; i += FAN_OUT_BATCH) {
      const chunk = ids.slice(i, i + FAN_OUT_BATCH);
      await db.query(
        `INSERT INTO users (id, email, password_hash, name, email_verified_at) VALUES ${chunk.map(() => "(?, ?, 'x', 'Fan', CURRENT_TIMESTAMP(3))").join(', ')}`,
        chunk.flatMap((id) => [id, `fan-${id}@example.org`]),
      );
      await db.query(
        `INSERT INTO pet_favorites (user_id, pet_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        chunk.flatMap((id) => [id, petId]),
      );
    }
    await changeAvailability(owner, petId, 'adopted');
    const job = await fanOutJobOf(petId);
    expect(job).toMatchObject({ status: 'succeeded', progress: 100, result: { outcome: 'notified', recipients: count, batches: 3 } });
    const [{ notified, users }] = await db.query(
      "SELECT COUNT(*) AS notified, COUNT(DISTINCT user_id) AS users FROM notifications WHERE resource_id = ? AND type = 'favorite_pet_status_changed'",
      [petId],
    );
    expect([Number(notified), Number(users)]).toEqual([count, count]);
  });
});
