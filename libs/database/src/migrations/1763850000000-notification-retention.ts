import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's retention purge (maintenance.purge-notifications) deletes notifications by age across all users,
 * oldest first: `created_at < ? ORDER BY created_at, id LIMIT n`. None of the existing indexes starts with
 * created_at (they start with user_id or email_status), so without this one every batch would scan the table.
 * InnoDB appends the primary key to the entry, so the index is (created_at, id), the purge's order.
 */
export class NotificationRetention1763850000000 implements MigrationInterface {
  name = 'NotificationRetention1763850000000';

  async up(q: QueryRunner): Promise<void> {
    // Online on both engines: the table stays writable while the index is built, or the statement fails at once.
    await q.query('ALTER TABLE notifications ADD INDEX idx_notifications_retention (created_at), ALGORITHM=INPLACE, LOCK=NONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications DROP INDEX idx_notifications_retention');
  }
}
