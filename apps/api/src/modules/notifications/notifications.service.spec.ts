import type { Principal } from '@app/identity';
import { describe, expect, it } from 'vitest';
import { InMemoryNotificationsRepository, notificationRow } from '../../../../../test/support/notifications-fakes';
import { fakeId } from '../../../../../test/support/users-fakes';
import { NotificationsService } from './notifications.service';

const principal = (userId = fakeId()): Principal => ({ userId, role: 'adopter', sessionId: fakeId() });

function setup() {
  const ada = principal();
  const bob = principal();
  const repository = new InMemoryNotificationsRepository();
  const service = new NotificationsService(repository);
  return { ada, bob, repository, service };
}

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((n) => n.id);

describe('NotificationsService.list', () => {
  it("lists the caller's in-app notifications newest first in keyset pages, with the total", async () => {
    const { ada, bob, repository, service } = setup();
    const mine = [1, 2, 3].map(() => notificationRow({ userId: ada.userId }));
    repository.add(...mine, notificationRow({ userId: bob.userId }), notificationRow({ userId: ada.userId, inApp: false }));
    const first = await service.list(ada, { limit: 2 });
    expect(ids(first)).toEqual([mine[2].id, mine[1].id]);
    expect(first.total).toBe(3);
    const second = await service.list(ada, { limit: 2, cursor: first.nextCursor! });
    expect(ids(second)).toEqual([mine[0].id]);
    expect(second.nextCursor).toBeNull();
  });

  it('lists only unread ones with unread=true, and counts them', async () => {
    const { ada, repository, service } = setup();
    const read = notificationRow({ userId: ada.userId, readAt: new Date() });
    const unread = notificationRow({ userId: ada.userId });
    repository.add(read, unread, notificationRow({ userId: ada.userId, inApp: false }));
    expect(ids(await service.list(ada, { unread: true }))).toEqual([unread.id]);
    expect((await service.list(ada, { unread: false })).total).toBe(2);
    expect(await service.unreadCount(ada)).toEqual({ count: 1 });
  });

  it('answers the contract shape, with the link to the record', async () => {
    const { ada, repository, service } = setup();
    const row = notificationRow({ userId: ada.userId, resourceType: 'pet' });
    repository.add(row);
    expect(await service.get(ada, row.id)).toEqual({
      id: row.id,
      type: row.type,
      title: row.title,
      body: row.body,
      link: `/api/v1/pets/${row.resourceId}`,
      resourceType: 'pet',
      resourceId: row.resourceId,
      readAt: null,
      createdAt: row.createdAt.toISOString(),
    });
  });

  it('refuses a cursor it did not produce', async () => {
    const { ada, service } = setup();
    await expect(service.list(ada, { cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'cursor' }] } });
  });
});

describe('NotificationsService reading one, marking and deleting', () => {
  it('marks read idempotently: the first readAt stays', async () => {
    const { ada, repository, service } = setup();
    const row = notificationRow({ userId: ada.userId });
    repository.add(row);
    const first = await service.markRead(ada, row.id);
    expect(first.readAt).toBe(repository.now.toISOString());
    repository.now = new Date(repository.now.getTime() + 60_000);
    expect((await service.markRead(ada, row.id)).readAt).toBe(first.readAt);
  });

  it('marks all unread ones read and answers how many it marked', async () => {
    const { ada, bob, repository, service } = setup();
    repository.add(
      notificationRow({ userId: ada.userId }),
      notificationRow({ userId: ada.userId }),
      notificationRow({ userId: ada.userId, readAt: new Date() }),
    );
    const bobs = notificationRow({ userId: bob.userId });
    repository.add(bobs);
    expect(await service.markAllRead(ada)).toEqual({ marked: 2 });
    expect(await service.markAllRead(ada)).toEqual({ marked: 0 });
    expect(repository.rows.get(bobs.id)!.readAt).toBeNull();
  });

  it('deletes the caller’s notification', async () => {
    const { ada, repository, service } = setup();
    const row = notificationRow({ userId: ada.userId });
    repository.add(row);
    await service.remove(ada, row.id);
    expect(repository.rows.has(row.id)).toBe(false);
    await expect(service.remove(ada, row.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("answers 404 for another user's notification on every operation, exactly as for none, and changes nothing", async () => {
    const { ada, bob, repository, service } = setup();
    const bobs = notificationRow({ userId: bob.userId });
    const emailOnly = notificationRow({ userId: ada.userId, inApp: false });
    repository.add(bobs, emailOnly);
    const before = structuredClone([...repository.rows.values()]);
    for (const id of [bobs.id, emailOnly.id, fakeId()]) {
      for (const attempt of [() => service.get(ada, id), () => service.markRead(ada, id), () => service.remove(ada, id)]) {
        await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND', details: { resource: 'Notification', id } });
      }
    }
    expect([...repository.rows.values()]).toEqual(before);
  });
});

describe('NotificationsService.newFor (the real-time gateway)', () => {
  it('gives each user only their own in-app notifications, as get() answers them, with their unread count', async () => {
    const { ada, bob, repository, service } = setup();
    const adas = notificationRow({ userId: ada.userId });
    const adasRead = notificationRow({ userId: ada.userId, readAt: new Date() });
    const bobs = notificationRow({ userId: bob.userId });
    const emailOnly = notificationRow({ userId: bob.userId, inApp: false });
    repository.add(adas, adasRead, bobs, emailOnly);
    const answer = await service.newFor([
      // Bob's notification named for Ada (a bad signal) is not Ada's; a deleted one is gone.
      { userId: ada.userId, notificationIds: [adas.id, adasRead.id, bobs.id, fakeId()] },
      { userId: bob.userId, notificationIds: [bobs.id, emailOnly.id] },
    ]);
    expect(answer).toEqual([
      { userId: ada.userId, notifications: [await service.get(ada, adas.id), await service.get(ada, adasRead.id)], unreadCount: 1 },
      { userId: bob.userId, notifications: [await service.get(bob, bobs.id)], unreadCount: 1 },
    ]);
  });
});
