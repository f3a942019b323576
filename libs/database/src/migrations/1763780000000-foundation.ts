import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
const NOW = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';

/** Jobs, audit log, idempotency keys, feature flags and configuration, with their seeded defaults. */
export class Foundation1763780000000 implements MigrationInterface {
  name = 'Foundation1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE jobs (
      id ${ID} NOT NULL,
      type VARCHAR(64) NOT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'queued',
      progress TINYINT UNSIGNED NOT NULL DEFAULT 0,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      payload JSON NOT NULL,
      result JSON NULL,
      error VARCHAR(1000) NULL,
      created_by ${ID} NULL,
      enqueued_at DATETIME(3) NULL,
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_jobs_status_created (status, created_at),
      KEY idx_jobs_created_by (created_by, created_at)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE audit_log (
      id ${ID} NOT NULL,
      actor_id ${ID} NULL,
      action VARCHAR(64) NOT NULL,
      target_type VARCHAR(64) NOT NULL,
      target_id VARCHAR(64) NULL,
      before_state JSON NULL,
      after_state JSON NULL,
      request_id VARCHAR(128) NULL,
      ip VARCHAR(45) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      KEY idx_audit_target (target_type, target_id, created_at),
      KEY idx_audit_actor (actor_id, created_at),
      KEY idx_audit_action (action, created_at),
      KEY idx_audit_created (created_at)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE idempotency_keys (
      caller VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      operation VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      idempotency_key VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      request_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      response_status SMALLINT UNSIGNED NULL,
      response_body MEDIUMTEXT NULL,
      created_at ${NOW},
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (caller, operation, idempotency_key),
      KEY idx_idempotency_expires (expires_at)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE feature_flags (
      \`key\` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      enabled TINYINT(1) NOT NULL DEFAULT 0,
      description VARCHAR(500) NOT NULL DEFAULT '',
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (\`key\`)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE config_entries (
      \`key\` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      value JSON NOT NULL,
      is_public TINYINT(1) NOT NULL DEFAULT 0,
      description VARCHAR(500) NOT NULL DEFAULT '',
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (\`key\`),
      KEY idx_config_public (is_public)
    ) ${TABLE}`);

    await q.query(
      `INSERT INTO feature_flags (\`key\`, enabled, description) VALUES
        ('applications.enabled', 1, 'Adopters can submit adoption applications.'),
        ('chat.enabled', 1, 'Real-time messaging between adopters and rescues.'),
        ('rehoming.enabled', 1, 'Individuals can list their own pet for rehoming.'),
        ('registration.enabled', 1, 'New accounts can be registered.'),
        ('search.distance', 1, 'Pet search accepts a radius around a point.')`,
    );
    await q.query(
      `INSERT INTO config_entries (\`key\`, value, is_public, description) VALUES
        ('applications.maxActivePerAdopter', '10', 1, 'Open applications one adopter may have at once.'),
        ('pets.maxPhotos', '12', 1, 'Photos per pet.'),
        ('search.defaultRadiusKm', '50', 1, 'Radius used when a search gives a point but no radius.'),
        ('support.email', '"support@example.org"', 1, 'Where users write for help.'),
        ('uploads.maxBytes', '10485760', 1, 'Largest accepted upload, in bytes.'),
        ('moderation.autoHideReportThreshold', '5', 0, 'Reports after which content is hidden pending review.')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['config_entries', 'feature_flags', 'idempotency_keys', 'audit_log', 'jobs']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
