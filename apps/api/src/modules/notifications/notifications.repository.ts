import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { NotificationEntity } from '@app/notifications';
import type { DataSource, SelectQueryBuilder } from 'typeorm';

/** One user's notification centre: their in-app notifications, optionally only the unread ones. */
export interface NotificationListFilter {
  userId: string;
  unreadOnly: boolean;
}

/**
 * What the notifications service needs from storage; the DI token, so the service never touches TypeORM. Every
 * method is scoped to one user's in-app rows: another user's notification, or an e-mail-only row, is never found.
 */
export abstract class NotificationsRepository {
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(filter: NotificationListFilter, after: KeysetPosition | null, limit: number): Promise<NotificationEntity[]>;
  abstract count(filter: NotificationListFilter): Promise<number>;
  abstract findOwn(userId: string, id: string): Promise<NotificationEntity | null>;
  /** Sets readAt unless it is set already (the first time is kept); false when nothing changed. */
  abstract markRead(userId: string, id: string): Promise<boolean>;
  /** Marks every unread one read; returns how many. */
  abstract markAllRead(userId: string): Promise<number>;
  /** false when there was no such notification of the user. */
  abstract deleteOwn(userId: string, id: string): Promise<boolean>;
}

const NOW = () => 'CURRENT_TIMESTAMP(3)';

@Injectable()
export class TypeOrmNotificationsRepository extends NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  // Both filters are a prefix of an index: (user_id, in_app, created_at, id) or (user_id, in_app, read_at, created_at, id).
  private centre(filter: NotificationListFilter): SelectQueryBuilder<NotificationEntity> {
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId AND n.in_app = 1', { userId: filter.userId });
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

  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: NOW })
      .where('user_id = :userId AND in_app = 1 AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  async deleteOwn(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(NotificationEntity).delete({ id, userId, inApp: true });
    return result.affected === 1;
  }
}
