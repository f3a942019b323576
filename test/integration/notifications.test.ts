// The notification centre end to end through HTTP, with notifications written by the Notifier the way the owning
// services write them (inside their transactions). E-mail delivery is the worker's: notifications-delivery.test.ts.
import { newId } from '@app/common';
import { inTransaction } from '@app/database';
import { DEFAULT_PREFERENCES } from '@app/identity';
import { bullConnection, JobProducer, QUEUE } from '@app/jobs';
import { notificationEmailJobId, NotificationEntity, Notifier, type NotificationEvent } from '@app/notifications';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';
import { notificationEvent, notifyVia } from '../support/notifications';
import { dataSourceOf } from '../support/pets';

let api: TestApi;
let db: DataSource;
let notificationsQueue: Queue;

beforeAll(async () => {
  api = await startApi();
  db = dataSourceOf(api);
  notificationsQueue = new Queue(QUEUE.notifications, bullConnection(api.config, 'producer'));
});
afterAll(async () => {
  await notificationsQueue?.close();
  await api?.close();
});

const event = notificationEvent;

const notify = (events: NotificationEvent[]) => notifyVia(api, events);
const rowsOf = (user: TestUser) => db.getRepository(NotificationEntity).find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
const list = (user: TestUser, query = '') => api.request('GET', `/api/v1/notifications${query}`, { token: user.token });
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((n) => n.id);

/** Notifies `count` events to `user` in one call; returns their ids, newest first (as the centre lists them). */
async function notifications(user: TestUser, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, () => `test:${newId()}`);
  await notify(keys.map((eventKey, i) => event(user, { eventKey, title: `Update ${i + 1}` })));
  const rows = await rowsOf(user);
  return keys.map((key) => rows.find((r) => r.eventKey === key)!.id).reverse();
}

async function savePreferences(user: TestUser, notifications: typeof DEFAULT_PREFERENCES.notifications) {
  const current = await api.request('GET', `/api/v1/users/${user.id}/preferences`, { token: user.token });
  const res = await api.request('PUT', `/api/v1/users/${user.id}/preferences`, {
    token: user.token,
    body: { expectedVersion: current.body.version, notifications, quietHours: current.body.quietHours, locale: 'en', timezone: 'UTC' },
  });
  expect(res.status).toBe(200);
}

describe('GET /notifications', () => {
  it("lists the caller's own notifications newest first in keyset pages, with the link of each and the total", async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const expected = await notifications(ada, 5);
    await notifications(bob, 1);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(ada, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);

    const first = (await list(ada, '?limit=1')).body.items[0];
    expect(first).toEqual({
      id: expected[0],
      type: 'application_status_changed',
      title: 'Update 5',
      body: 'The rescue approved your application to adopt Biscuit.',
      link: `/api/v1/applications/${first.resourceId}`,
      resourceType: 'application',
      resourceId: expect.any(String),
      readAt: null,
      createdAt: expect.any(String),
    });
    expect((await list(ada, `?limit=1`)).body.nextCursor).toEqual(expect.any(String));
  });

  it('lists newest first across separate events too (createdAt, then id)', async () => {
    const ada = await createUser(api);
    const older = await notifications(ada, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await notifications(ada, 1);
    expect(ids(await list(ada))).toEqual([...newer, ...older]);
  });

  it('lists and counts only unread ones with unread=true', async () => {
    const ada = await createUser(api);
    const [n5, n4, n3, n2, n1] = await notifications(ada, 5);
    for (const id of [n4, n2]) expect((await api.request('PATCH', `/api/v1/notifications/${id}/read`, { token: ada.token })).status).toBe(200);

    const unread = await list(ada, '?unread=true&limit=2');
    expect(ids(unread)).toEqual([n5, n3]);
    expect(unread.body.total).toBe(3);
    expect(ids(await list(ada, `?unread=true&limit=2&cursor=${unread.body.nextCursor}`))).toEqual([n1]);
    expect((await list(ada, '?unread=false')).body.total).toBe(5);
    const count = await api.request('GET', '/api/v1/notifications/unread/count', { token: ada.token });
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ count: 3 });
  });
});

describe('reading, marking and deleting one notification', () => {
  it('GET answers the notification; PATCH read is idempotent and keeps the first readAt', async () => {
    const ada = await createUser(api);
    const [id] = await notifications(ada, 1);
    const got = await api.request('GET', `/api/v1/notifications/${id}`, { token: ada.token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, readAt: null });

    const first = await api.request('PATCH', `/api/v1/notifications/${id}/read`, { token: ada.token });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ...got.body, readAt: expect.any(String) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const again = await api.request('PATCH', `/api/v1/notifications/${id}/read`, { token: ada.token });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(first.body.readAt);
    expect((await api.request('GET', '/api/v1/notifications/unread/count', { token: ada.token })).body).toEqual({ count: 0 });
  });

  it('read-all marks every unread one and answers how many it marked', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const [, second] = await notifications(ada, 3);
    const [bobs] = await notifications(bob, 1);
    await api.request('PATCH', `/api/v1/notifications/${second}/read`, { token: ada.token });

    const res = await api.request('POST', '/api/v1/notifications/read-all', { token: ada.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 2 });
    expect((await api.request('POST', '/api/v1/notifications/read-all', { token: ada.token })).body).toEqual({ marked: 0 });
    expect((await list(ada, '?unread=true')).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await db.getRepository(NotificationEntity).findOneByOrFail({ id: bobs })).readAt).toBeNull();
  });

  it('DELETE removes it for good: 204, then 404, and it is no longer listed', async () => {
    const ada = await createUser(api);
    const [keep, remove] = await notifications(ada, 2);
    const res = await api.request('DELETE', `/api/v1/notifications/${remove}`, { token: ada.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api.request('DELETE', `/api/v1/notifications/${remove}`, { token: ada.token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/notifications/${remove}`, { token: ada.token })).status).toBe(404);
    expect(ids(await list(ada))).toEqual([keep]);
    expect(await db.getRepository(NotificationEntity).countBy({ id: remove })).toBe(0);
  });

  it("answers another user's notification with 404 on every operation, exactly as an unknown id, and changes nothing", async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const [bobs] = await notifications(bob, 1);
    const before = await db.getRepository(NotificationEntity).findOneByOrFail({ id: bobs });
    const unknown = newId();
    for (const id of [bobs, unknown]) {
      for (const [method, path] of [
        ['GET', `/api/v1/notifications/${id}`],
        ['PATCH', `/api/v1/notifications/${id}/read`],
        ['DELETE', `/api/v1/notifications/${id}`],
      ] as const) {
        const res = await api.request(method, path, { token: ada.token });
        expect({ method, status: res.status, body: res.body }).toEqual({
          method,
          status: 404,
          body: { code: 'NOT_FOUND', message: `Notification ${id} not found.`, details: { resource: 'Notification', id } },
        });
      }
    }
    expect((await api.request('POST', '/api/v1/notifications/read-all', { token: ada.token })).body).toEqual({ marked: 0 });
    expect(ids(await list(ada))).toEqual([]);
    expect(await db.getRepository(NotificationEntity).findOneByOrFail({ id: bobs })).toEqual(before);
  });
});

describe('validation', () => {
  it.each([
    ['GET', '/api/v1/notifications/not-an-id', 'notificationId'],
    ['PATCH', '/api/v1/notifications/not-an-id/read', 'notificationId'],
    ['DELETE', '/api/v1/notifications/1%27%20OR%201%3D1', 'notificationId'],
    ['GET', '/api/v1/notifications?limit=0', 'limit'],
    ['GET', '/api/v1/notifications?limit=101', 'limit'],
    ['GET', '/api/v1/notifications?unread=maybe', 'unread'],
    ['GET', '/api/v1/notifications?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['GET', '/api/v1/notifications?page=2', 'page'],
  ])('%s %s answers 400 { code, message, details } naming %s', async (method, path, field) => {
    const ada = await createUser(api);
    const res = await api.request(method, path, { token: ada.token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), details: { fields: [expect.objectContaining({ field })] } });
  });
});

describe('preferences', () => {
  it('does not list a notification whose category has in-app off; its e-mail is still on its way', async () => {
    const ada = await createUser(api);
    await savePreferences(ada, { ...DEFAULT_PREFERENCES.notifications, applicationUpdates: { email: true, inApp: false } });
    await notify([event(ada), event(ada, { type: 'message_received', title: 'New message' })]);

    const res = await list(ada);
    expect(res.body.items.map((n: { type: string }) => n.type)).toEqual(['message_received']);
    expect(res.body.total).toBe(1);
    expect((await api.request('GET', '/api/v1/notifications/unread/count', { token: ada.token })).body).toEqual({ count: 1 });
    const emailOnly = (await rowsOf(ada)).find((r) => r.type === 'application_status_changed')!;
    expect(emailOnly).toMatchObject({ inApp: false, emailStatus: 'pending' });
    // Not part of the centre: no operation reaches it.
    expect((await api.request('GET', `/api/v1/notifications/${emailOnly.id}`, { token: ada.token })).status).toBe(404);
    expect((await api.request('PATCH', `/api/v1/notifications/${emailOnly.id}/read`, { token: ada.token })).status).toBe(404);
    expect((await api.request('POST', '/api/v1/notifications/read-all', { token: ada.token })).body).toEqual({ marked: 1 });
  });

  it('stores nothing when neither channel would show it, and records why an e-mail is skipped', async () => {
    const ada = await createUser(api);
    await savePreferences(ada, {
      ...DEFAULT_PREFERENCES.notifications,
      applicationUpdates: { email: false, inApp: false },
      messages: { email: false, inApp: true },
    });
    await notify([event(ada), event(ada, { type: 'message_received' }), event(ada, { type: 'favorite_pet_status_changed', resourceType: 'pet' })]);
    const rows = await rowsOf(ada);
    expect(rows.map((r) => [r.type, r.inApp, r.emailStatus, r.emailDetail, r.emailDueAt]).sort()).toEqual([
      ['favorite_pet_status_changed', true, 'skipped', 'preference_off', null],
      ['message_received', true, 'skipped', 'preference_off', null],
    ]);
  });
});

describe('Notifier.notify', () => {
  it('makes one notification per recipient and event key, however often the event is notified, and one e-mail job', async () => {
    const ada = await createUser(api);
    const bob = await createUser(api);
    const shared = { eventKey: `application:${newId()}:approved`, resourceId: newId() };
    await notify([event(ada, shared), event(ada, { ...shared, title: 'Duplicate in the same call' }), event(bob, shared)]);
    // A retried request or job notifies the same event again, in another transaction.
    await notify([event(ada, { ...shared, title: 'Retried' })]);
    await Promise.all([notify([event(bob, shared)]), notify([event(bob, shared)])]);

    const adas = await rowsOf(ada);
    expect(adas.map((r) => [r.eventKey, r.title])).toEqual([[shared.eventKey, 'Your application was approved']]);
    expect(await rowsOf(bob)).toHaveLength(1);
    const job = await notificationsQueue.getJob(notificationEmailJobId(adas[0].id));
    expect(job?.data).toEqual({ notificationId: adas[0].id });
    const jobs = await notificationsQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.data.notificationId === adas[0].id)).toHaveLength(1);
  });

  it('writes nothing and enqueues nothing when the transaction rolls back', async () => {
    const ada = await createUser(api);
    const key = `test:${newId()}`;
    const enqueue = vi.spyOn(api.app.get(JobProducer), 'enqueueBulk');
    await expect(
      inTransaction(db, async (tx) => {
        await api.app.get(Notifier).notify(tx, [event(ada, { eventKey: key })]);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await rowsOf(ada)).toEqual([]);
    expect(enqueue).not.toHaveBeenCalled();
    enqueue.mockRestore();
  });

  it('refuses a malformed event, failing the caller’s transaction', async () => {
    const ada = await createUser(api);
    await expect(notify([event(ada, { eventKey: 'has spaces' })])).rejects.toThrow(/eventKey/);
    expect(await rowsOf(ada)).toEqual([]);
  });

  it('notifies nobody for a deleted account, and only in-app for a deactivated one', async () => {
    const gone = await createUser(api, { status: 'deleted' });
    const away = await createUser(api, { status: 'deactivated' });
    await notify([event(gone), event(away)]);
    expect(await rowsOf(gone)).toEqual([]);
    expect((await rowsOf(away)).map((r) => [r.inApp, r.emailStatus, r.emailDetail])).toEqual([[true, 'skipped', 'account_inactive']]);
  });
});
