import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity, UserPreferencesEntity } from '@app/identity';
import { NotificationEntity, type EmailSkipReason } from '@app/notifications';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

const MAX_DETAIL_LENGTH = 255;
const NOW = () => 'CURRENT_TIMESTAMP(3)';

/** What delivering a notification's e-mail needs to know, as it stands now. */
export interface NotificationDelivery {
  notification: Pick<NotificationEntity, 'id' | 'userId' | 'type' | 'title' | 'body' | 'resourceType' | 'resourceId' | 'readAt' | 'emailStatus'>;
  recipient: Pick<UserEntity, 'email' | 'name' | 'status' | 'emailVerifiedAt'>;
  /** null: the recipient never saved preferences (the defaults apply). */
  preferences: Pick<UserPreferencesEntity, 'notifications' | 'quietHours' | 'timezone'> | null;
}

/**
 * The notification, its recipient and their saved preferences in one statement (one round trip, a primary-key
 * lookup per table), written out rather than built by the query builder: it runs for every e-mail, and three
 * entity reads through the query builder were a third of the worker's CPU and two extra round trips per job
 * (docs/notifications.md, "Benchmark"). No row: the notification is gone (its recipient cannot be missing: the
 * foreign key cascades).
 */
const DELIVERY_SQL = `SELECT n.id, n.user_id, n.type, n.title, n.body, n.resource_type, n.resource_id, n.read_at, n.email_status,
  u.email, u.name, u.status, u.email_verified_at,
  p.user_id AS preferences_user_id, p.notifications, p.quiet_hours, p.timezone
FROM notifications n
JOIN users u ON u.id = n.user_id
LEFT JOIN user_preferences p ON p.user_id = n.user_id
WHERE n.id = ?`;

interface DeliveryRow {
  id: string;
  user_id: string;
  type: NotificationEntity['type'];
  title: string;
  body: string;
  resource_type: NotificationEntity['resourceType'];
  resource_id: string;
  read_at: Date | null;
  email_status: NotificationEntity['emailStatus'];
  email: string;
  name: string;
  status: UserEntity['status'];
  email_verified_at: Date | null;
  preferences_user_id: string | null;
  notifications: string | UserPreferencesEntity['notifications'] | null;
  quiet_hours: string | UserPreferencesEntity['quietHours'] | null;
  timezone: string | null;
}

/** JSON columns come back as text from MariaDB (JSON is LONGTEXT there) and parsed from MySQL 8. */
const json = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The e-mail side of the `notifications` table: what the worker reads to deliver a notification's e-mail and how
 * it moves the e-mail out of `pending`. Every transition is conditional on `pending`, so a redelivered job that
 * finds the e-mail settled changes nothing.
 */
@Injectable()
export class NotificationOutbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findDelivery(notificationId: string): Promise<NotificationDelivery | null> {
    const [row] = (await this.dataSource.query(DELIVERY_SQL, [notificationId])) as DeliveryRow[];
    if (!row) return null;
    return {
      notification: {
        id: row.id,
        userId: row.user_id,
        type: row.type,
        title: row.title,
        body: row.body,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        readAt: row.read_at,
        emailStatus: row.email_status,
      },
      recipient: { email: row.email, name: row.name, status: row.status, emailVerifiedAt: row.email_verified_at },
      preferences:
        row.preferences_user_id === null ? null : { notifications: json(row.notifications!), quietHours: json(row.quiet_hours!), timezone: row.timezone! },
    };
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
