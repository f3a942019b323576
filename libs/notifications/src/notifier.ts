import { Injectable, Logger } from '@nestjs/common';
import { newId, RealtimeSignals } from '@app/common';
import type { TransactionContext } from '@app/database';
import { UserEntity, UserPreferencesEntity } from '@app/identity';
import { JobProducer } from '@app/jobs';
import { In } from 'typeorm';
import { enqueueNotificationEmails } from './notification-email-queue';
import { normaliseEvent, notificationRowsOf, type NotificationEvent, type NotificationRecipient, type NotificationRow } from './notification-rows';

/** Rows per INSERT statement: a fan-out batch, or a large notify() call, stays a few statements. */
const INSERT_CHUNK = 500;

const COLUMNS = ['id', 'user_id', 'type', 'title', 'body', 'resource_type', 'resource_id', 'event_key', 'in_app', 'email_status', 'email_detail'];

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Creates notifications for the services that own the events (applications, messages, pets; the fan-out of a pet's
 * status change to its fans is scheduled by libs/catalog's PetFans). Rows are written in
 * the caller's transaction, so a notification exists exactly when its cause committed; their e-mails go through the
 * worker, enqueued after commit (the row is the outbox: see docs/notifications.md); open apps hear of them through
 * the real-time gateway (docs/realtime.md).
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger('Notifier');

  constructor(
    private readonly producer: JobProducer,
    private readonly signals: RealtimeSignals,
  ) {}

  /** In the caller's transaction: one row per event (deduplicated by (userId, eventKey)); e-mail delivery enqueued after commit. */
  async notify(tx: TransactionContext, events: NotificationEvent[]): Promise<void> {
    if (events.length === 0) return;
    const normalised = events.map(normaliseEvent);
    const recipients = await this.recipientsOf(tx, [...new Set(normalised.map((event) => event.userId))]);
    const ids = Array.from(normalised, newId).sort();
    const rows = notificationRowsOf(normalised, recipients, ids);
    for (const chunk of chunks(rows, INSERT_CHUNK)) await this.insert(tx, chunk);

    // A duplicate (userId, eventKey) kept the earlier row, and with it the earlier id: only our ids were inserted.
    // Mails are enqueued for inserted rows only; the live update can name every id, since the gateway reads them
    // back and finds none of the ids that were not inserted.
    const pending = rows.filter((row) => row.emailStatus === 'pending').map((row) => row.id);
    const mails = await this.insertedOf(tx, pending);
    const shown = rows.filter((row) => row.inApp);
    if (mails.length === 0 && shown.length === 0) return;
    tx.afterCommit(async () => {
      await this.announce(shown);
      if (mails.length === 0) return;
      try {
        await enqueueNotificationEmails(this.producer, mails);
      } catch (error) {
        // The rows stay `pending`: the worker's sweeper enqueues them once Redis is back.
        this.logger.warn({ err: error, notifications: mails.length }, 'notification e-mails not enqueued; the sweeper will retry');
      }
    });
  }

  /** Those of `ids` that are in the table (the rest lost to an earlier row of the same event). */
  private async insertedOf(tx: TransactionContext, ids: string[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const chunk of chunks(ids, INSERT_CHUNK)) {
      const found: Array<{ id: string }> = await tx.manager.query(`SELECT id FROM notifications WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      inserted.push(...found.map((row) => row.id));
    }
    return inserted;
  }

  /** Live updates for the recipients' open apps: one signal per call, however many users it reaches. */
  private async announce(rows: NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    const byUser = new Map<string, string[]>();
    for (const row of rows) {
      const ids = byUser.get(row.userId);
      if (ids) ids.push(row.id);
      else byUser.set(row.userId, [row.id]);
    }
    await this.signals.publish({ kind: 'notifications', recipients: [...byUser].map(([userId, notificationIds]) => ({ userId, notificationIds })) });
  }

  private async recipientsOf(tx: TransactionContext, userIds: string[]): Promise<Map<string, NotificationRecipient>> {
    const users = await tx.manager.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, status: true, emailVerifiedAt: true } });
    const preferences = await tx.manager.find(UserPreferencesEntity, { where: { userId: In(userIds) }, select: { userId: true, notifications: true } });
    const saved = new Map(preferences.map((p) => [p.userId, p.notifications]));
    return new Map(users.map((u) => [u.id, { id: u.id, status: u.status, emailVerifiedAt: u.emailVerifiedAt, notifications: saved.get(u.id) ?? null }]));
  }

  private async insert(tx: TransactionContext, rows: NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.flatMap((r) => [
      r.id,
      r.userId,
      r.type,
      r.title,
      r.body,
      r.resourceType,
      r.resourceId,
      r.eventKey,
      r.inApp,
      r.emailStatus,
      r.emailDetail,
    ]);
    // A pending e-mail is due at once (the sweeper's clock starts now); a skipped one never.
    const params = COLUMNS.map(() => '?').join(', ');
    const placeholders = rows.map((r) => `(${params}, ${r.emailStatus === 'pending' ? 'CURRENT_TIMESTAMP(3)' : 'NULL'})`).join(', ');
    // `id = id` leaves an existing (userId, eventKey) row as it is; not INSERT IGNORE, which would also turn data
    // errors into warnings.
    await tx.manager.query(`INSERT INTO notifications (${COLUMNS.join(', ')}, email_due_at) VALUES ${placeholders} ON DUPLICATE KEY UPDATE id = id`, values);
  }
}
