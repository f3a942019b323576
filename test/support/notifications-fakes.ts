// In-memory stand-ins for the notifications code's collaborators, for unit tests (no database): same rules as the
// TypeORM repository (one user's in-app rows only, newest first by (createdAt, id), first readAt kept).
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { TransactionContext } from '@app/database';
import type { NotificationEntity, NotificationEvent, Notifier } from '@app/notifications';
import { NotificationsRepository, type NotificationListFilter } from '../../apps/api/src/modules/notifications/notifications.repository';
import { fakeId } from './users-fakes';

const newestFirst = (a: KeysetPosition, b: KeysetPosition) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** A clock that moves one millisecond per notification, so "newest first" is predictable. */
let tick = Date.parse('2026-06-01T00:00:00.000Z');

export function notificationRow(overrides: Partial<NotificationEntity> = {}): NotificationEntity {
  return Object.assign({} as NotificationEntity, {
    id: fakeId(),
    userId: fakeId(),
    type: 'application_submitted',
    title: 'New application',
    body: 'Ada applied to adopt Biscuit.',
    resourceType: 'application',
    resourceId: fakeId(),
    eventKey: `event-${tick}`,
    inApp: true,
    readAt: null,
    emailStatus: 'pending',
    emailDetail: null,
    emailDueAt: null,
    emailSentAt: null,
    createdAt: new Date(tick++),
    ...overrides,
  });
}

export class InMemoryNotificationsRepository extends NotificationsRepository {
  rows = new Map<string, NotificationEntity>();
  /** The time markRead and markAllRead write. */
  now = new Date('2026-06-02T12:00:00.000Z');

  add(...rows: NotificationEntity[]): this {
    for (const row of rows) this.rows.set(row.id, row);
    return this;
  }

  private centre(filter: NotificationListFilter): NotificationEntity[] {
    return [...this.rows.values()].filter((n) => n.userId === filter.userId && n.inApp && (!filter.unreadOnly || n.readAt === null)).sort(newestFirst);
  }

  async list(filter: NotificationListFilter, after: KeysetPosition | null, limit: number) {
    return structuredClone(
      this.centre(filter)
        .filter((n) => !after || newestFirst(after, n) < 0)
        .slice(0, limit),
    );
  }

  async count(filter: NotificationListFilter) {
    return this.centre(filter).length;
  }

  private own(userId: string, id: string): NotificationEntity | undefined {
    const row = this.rows.get(id);
    return row && row.userId === userId && row.inApp ? row : undefined;
  }

  async findOwn(userId: string, id: string) {
    return structuredClone(this.own(userId, id) ?? null);
  }

  async markRead(userId: string, id: string) {
    const row = this.own(userId, id);
    if (!row || row.readAt !== null) return false;
    row.readAt = new Date(this.now);
    return true;
  }

  async markAllRead(userId: string) {
    const unread = this.centre({ userId, unreadOnly: true });
    for (const row of unread) row.readAt = new Date(this.now);
    return unread.length;
  }

  async deleteOwn(userId: string, id: string) {
    return this.own(userId, id) !== undefined && this.rows.delete(id);
  }

  async findInApp(ids: readonly string[]) {
    return structuredClone(ids.flatMap((id) => (this.rows.get(id)?.inApp ? [this.rows.get(id)!] : [])));
  }

  async unreadCounts(userIds: readonly string[]) {
    return new Map(userIds.map((userId) => [userId, this.centre({ userId, unreadOnly: true }).length]));
  }
}

/** Records what a service asked the Notifier for, in the transaction it was given. */
export class FakeNotifier {
  notified: NotificationEvent[] = [];

  async notify(_tx: TransactionContext, events: NotificationEvent[]): Promise<void> {
    this.notified.push(...events);
  }

  asNotifier(): Notifier {
    return this as unknown as Notifier;
  }
}
