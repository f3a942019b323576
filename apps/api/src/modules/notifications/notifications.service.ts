import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type { ListNotificationsQuery, NotificationDto, NotificationPageDto, NotificationsMarkedReadDto, UnreadNotificationCountDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { toNotificationDto } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';

/** Another user's notification is answered exactly like one that does not exist: ids cannot be probed. */
const notificationNotFound = (id: string) => new NotFoundError('Notification', id);

/**
 * The caller's notification centre. Every operation acts on the caller's own in-app notifications only; nothing
 * here is shared, so there are no roles to check and no versions to compare (reads are one-way and idempotent).
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(caller: Principal, query: ListNotificationsQuery): Promise<NotificationPageDto> {
    const filter = { userId: caller.userId, unreadOnly: query.unread === true };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const [rows, total] = await Promise.all([this.notifications.list(filter, after, limit + 1), this.notifications.count(filter)]);
    return { ...toKeysetPage(rows, limit, toNotificationDto), total };
  }

  async unreadCount(caller: Principal): Promise<UnreadNotificationCountDto> {
    return { count: await this.notifications.count({ userId: caller.userId, unreadOnly: true }) };
  }

  async get(caller: Principal, id: string): Promise<NotificationDto> {
    const notification = await this.notifications.findOwn(caller.userId, id);
    if (!notification) throw notificationNotFound(id);
    return toNotificationDto(notification);
  }

  /** Idempotent: marking a read notification again changes nothing and answers it with its first readAt. */
  async markRead(caller: Principal, id: string): Promise<NotificationDto> {
    await this.notifications.markRead(caller.userId, id);
    return this.get(caller, id);
  }

  async markAllRead(caller: Principal): Promise<NotificationsMarkedReadDto> {
    return { marked: await this.notifications.markAllRead(caller.userId) };
  }

  /**
   * For the real-time gateway: each user's new notifications exactly as get() would answer that user (ids that are
   * not theirs, or no longer exist, are left out), and their unread count. Two queries however many users.
   */
  async newFor(
    recipients: ReadonlyArray<{ userId: string; notificationIds: readonly string[] }>,
  ): Promise<Array<{ userId: string; notifications: NotificationDto[]; unreadCount: number }>> {
    const ids = [...new Set(recipients.flatMap((r) => r.notificationIds))];
    const [rows, counts] = await Promise.all([this.notifications.findInApp(ids), this.notifications.unreadCounts(recipients.map((r) => r.userId))]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return recipients.map(({ userId, notificationIds }) => ({
      userId,
      notifications: notificationIds.flatMap((id) => {
        const row = byId.get(id);
        return row?.userId === userId ? [toNotificationDto(row)] : [];
      }),
      unreadCount: counts.get(userId) ?? 0,
    }));
  }

  /** Gone for good, with its e-mail if that is still waiting (the worker finds no row and sends nothing). */
  async remove(caller: Principal, id: string): Promise<void> {
    if (!(await this.notifications.deleteOwn(caller.userId, id))) throw notificationNotFound(id);
  }
}
