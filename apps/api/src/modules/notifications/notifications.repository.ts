import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { runInBatches } from '@app/database';
import { NotificationEntity } from '@app/notifications';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';

/** One user's notification centre: their in-app notifications, optionally only the unread ones. */
export interface NotificationListFilter {
  userId: string;
  unreadOnly: boolean;
}

/**
 * What the notifications service needs from storage; the DI token, so the service never touches TypeORM. Every
 * method but findInApp is scoped to one user's in-app rows: another user's notification, or an e-mail-only row, is
 * never found (findInApp, for several users at once, leaves the ownership check to the service).
 */
export abstract class NotificationsRepository {
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(filter: NotificationListFilter, after: KeysetPosition | null, limit: number): Promise<NotificationEntity[]>;
  abstract count(filter: NotificationListFilter): Promise<number>;
  abstract findOwn(userId: string, id: string): Promise<NotificationEntity | null>;
  /** Sets readAt unless it is set already (the first time is kept); false when nothing changed. */
  abstract markRead(userId: string, id: string): Promise<boolean>;
  /** Marks every unread one read, all with the same readAt; returns how many this call marked. */
  abstract markAllRead(userId: string): Promise<number>;
  /** false when there was no such notification of the user. */
  abstract deleteOwn(userId: string, id: string): Promise<boolean>;
  /** The in-app notifications among `ids`, whoever they belong to (the caller checks); one query. */
  abstract findInApp(ids: readonly string[]): Promise<NotificationEntity[]>;
  /** Unread in-app counts of several users (0 for those with none); one query. */
  abstract unreadCounts(userIds: readonly string[]): Promise<Map<string, number>>;
}

const NOW = () => 'CURRENT_TIMESTAMP(3)';

@Injectable()
export class TypeOrmNotificationsRepository extends NotificationsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
  }

  // Both filters are a prefix of an index: (user_id, in_app, created_at, id) or (user_id, in_app, read_at, created_at, id).
  private centre(filter: NotificationListFilter): SelectQueryBuilder<NotificationEntity> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.in_app = 1', { userId: filter.userId });
    if (filter.unreadOnly) query.andWhere('n.read_at IS NULL');
    return query;
  }

  list(filter: NotificationListFilter, after: KeysetPosition | null, limit: number): Promise<NotificationEntity[]> {
    const query = this.centre(filter);
    if (after) query.andWhere('(n.created_at < :afterAt OR (n.created_at = :afterAt AND n.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  count(filter: NotificationListFilter): Promise<number> {
    return this.centre(filter).getCount();
  }

  async findInApp(ids: readonly string[]): Promise<NotificationEntity[]> {
    return ids.length === 0 ? [] : this.dataSource.getRepository(NotificationEntity).findBy({ id: In([...ids]), inApp: true });
  }

  async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return counts;
    const rows: Array<{ userId: string; unread: string | number }> = await this.dataSource.query(
      `SELECT user_id AS userId, COUNT(*) AS unread FROM notifications WHERE user_id IN (${userIds.map(() => '?').join(', ')}) AND in_app = 1 AND read_at IS NULL GROUP BY user_id`,
      [...userIds],
    );
    for (const row of rows) counts.set(row.userId, Number(row.unread));
    return counts;
  }

  findOwn(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.dataSource.getRepository(NotificationEntity).findOneBy({ id, userId, inApp: true });
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: NOW })
      .where('id = :id AND user_id = :userId AND in_app = 1 AND read_at IS NULL', { id, userId })
      .execute();
    return result.affected === 1;
  }

  // In batches of NOTIFICATION_BATCH_SIZE rows, each its own statement (no transaction around them), so marking a
  // huge backlog never holds its row locks for long. One time for the whole call, read once from the database
  // clock: every row gets it as readAt (as one UPDATE gave them), and only rows created by then are marked, so the
  // loop ends even while new notifications arrive. The count is exact: a row leaves `read_at IS NULL` in the one
  // statement that marks it, and that statement's call counts it.
  //
  // FORCE INDEX: the optimizer avoids scanning the index whose column an UPDATE changes, takes
  // idx_notifications_centre instead and walks past the rows earlier batches marked (MariaDB 10.11, 30,000 unread:
  // 5,332, then 10,332, then 15,332 index reads for batches of 5,000). On idx_notifications_unread the marked rows
  // leave the scanned range, so every batch reads about its own size. No ORDER BY: with one, MariaDB sorts the
  // whole remaining unread range for every batch; the index order is oldest first anyway.
  async markAllRead(userId: string): Promise<number> {
    const [{ now }] = (await this.dataSource.query('SELECT CURRENT_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
    return runInBatches(
      this.dataSource,
      `UPDATE notifications FORCE INDEX (idx_notifications_unread) SET read_at = ?
         WHERE user_id = ? AND in_app = 1 AND read_at IS NULL AND created_at <= ? LIMIT ?`,
      [now, userId, now],
      this.config.NOTIFICATION_BATCH_SIZE,
    );
  }

  async deleteOwn(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(NotificationEntity).delete({ id, userId, inApp: true });
    return result.affected === 1;
  }
}
