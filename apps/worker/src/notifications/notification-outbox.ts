import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity, UserPreferencesEntity } from '@app/identity';
import { NotificationEntity, type EmailSkipReason } from '@app/notifications';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

const MAX_DETAIL_LENGTH = 255;
const NOW = () => 'CURRENT_TIMESTAMP(3)';

export interface NotificationDelivery {
  notification: NotificationEntity;
  recipient: UserEntity;
  /** null: the recipient never saved preferences (the defaults apply). */
  preferences: UserPreferencesEntity | null;
}

/**
 * The e-mail side of the `notifications` table: what the worker reads to deliver a notification's e-mail and how
 * it moves the e-mail out of `pending`. Every transition is conditional on `pending`, so a redelivered job that
 * finds the e-mail settled changes nothing.
 */
@Injectable()
export class NotificationOutbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findDelivery(notificationId: string): Promise<NotificationDelivery | null> {
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id: notificationId });
    if (!notification) return null;
    const recipient = await this.dataSource.getRepository(UserEntity).findOneBy({ id: notification.userId });
    if (!recipient) return null;
    const preferences = await this.dataSource.getRepository(UserPreferencesEntity).findOneBy({ userId: notification.userId });
    return { notification, recipient, preferences };
  }

  markSent(notificationId: string): Promise<boolean> {
    return this.settle(notificationId, { emailStatus: 'sent', emailSentAt: NOW, emailDetail: null, emailDueAt: null });
  }

  markSkipped(notificationId: string, reason: EmailSkipReason): Promise<boolean> {
    return this.settle(notificationId, { emailStatus: 'skipped', emailDetail: reason, emailDueAt: null });
  }

  /** After the last attempt: the sweeper leaves it alone from now on. */
  markFailed(notificationId: string, error: string): Promise<boolean> {
    return this.settle(notificationId, { emailStatus: 'failed', emailDetail: error.slice(0, MAX_DETAIL_LENGTH), emailDueAt: null });
  }

  /** Waits for quiet hours to end: the sweeper does not take a job delayed until then for lost. */
  async postpone(notificationId: string, dueAt: Date): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).update({ id: notificationId, emailStatus: 'pending' }, { emailDueAt: dueAt });
  }

  /** Pending e-mails whose job should have run more than `olderThanMs` ago: Redis lost them or never got them. */
  async findStale(olderThanMs: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .select('n.id', 'id')
      .where("n.email_status = 'pending'")
      .andWhere('n.email_due_at < CURRENT_TIMESTAMP(3) - INTERVAL :ms * 1000 MICROSECOND', { ms: olderThanMs })
      .orderBy('n.email_due_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Restarts the sweeper's clock of e-mails just enqueued again. */
  async enqueued(notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ emailDueAt: NOW })
      .where("id IN (:...ids) AND email_status = 'pending'", { ids: notificationIds })
      .execute();
  }

  private async settle(notificationId: string, changes: QueryDeepPartialEntity<NotificationEntity>): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set(changes)
      .where("id = :id AND email_status = 'pending'", { id: notificationId })
      .execute();
    return result.affected === 1;
  }
}
