import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
const NOW = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const FK = 'ON DELETE CASCADE ON UPDATE NO ACTION';

/**
 * Notifications (libs/notifications): the in-app centre's rows and the outbox of their e-mails, in one table.
 * Indexes: the centre lists a user's in-app rows newest first with a (created_at, id) keyset cursor, optionally
 * only unread ones, and counts unread ones; the worker's sweeper reads pending e-mails by due time.
 */
export class Notifications1763840000000 implements MigrationInterface {
  name = 'Notifications1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      type VARCHAR(40) NOT NULL,
      title VARCHAR(150) NOT NULL,
      body VARCHAR(1000) NOT NULL,
      resource_type VARCHAR(16) NOT NULL,
      resource_id ${ID} NOT NULL,
      event_key VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      in_app TINYINT(1) NOT NULL,
      read_at DATETIME(3) NULL,
      email_status VARCHAR(16) NOT NULL,
      email_detail VARCHAR(255) NULL,
      email_due_at DATETIME(3) NULL,
      email_sent_at DATETIME(3) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      UNIQUE KEY uq_notifications_event (user_id, event_key),
      KEY idx_notifications_centre (user_id, in_app, created_at, id),
      KEY idx_notifications_unread (user_id, in_app, read_at, created_at, id),
      KEY idx_notifications_email_due (email_status, email_due_at),
      CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ${FK}
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications');
  }
}
