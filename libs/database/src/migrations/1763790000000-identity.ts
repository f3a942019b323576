import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
const HASH = 'CHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const NOW = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';

/** Accounts, sessions and refresh tokens, single-use e-mail tokens, 2FA backup codes, preferences and data exports. */
export class Identity1763790000000 implements MigrationInterface {
  name = 'Identity1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id ${ID} NOT NULL,
      email VARCHAR(254) NOT NULL,
      email_verified_at DATETIME(3) NULL,
      password_hash VARCHAR(255) NOT NULL,
      name VARCHAR(100) NOT NULL,
      role VARCHAR(20) NOT NULL DEFAULT 'adopter',
      status VARCHAR(20) NOT NULL DEFAULT 'active',
      phone VARCHAR(32) NULL,
      city VARCHAR(100) NULL,
      bio TEXT NULL,
      two_factor_secret VARCHAR(255) NULL,
      two_factor_pending_secret VARCHAR(255) NULL,
      two_factor_enabled_at DATETIME(3) NULL,
      deletion_requested_at DATETIME(3) NULL,
      deletion_job_id ${ID} NULL,
      last_login_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      UNIQUE KEY uq_users_email (email),
      KEY idx_users_role_created (role, created_at),
      KEY idx_users_status_created (status, created_at),
      KEY idx_users_created (created_at)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE user_preferences (
      user_id ${ID} NOT NULL,
      notifications JSON NOT NULL,
      quiet_hours JSON NOT NULL,
      locale VARCHAR(10) NOT NULL DEFAULT 'en',
      timezone VARCHAR(64) NOT NULL DEFAULT 'UTC',
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (user_id),
      CONSTRAINT fk_user_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE auth_sessions (
      id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      device VARCHAR(255) NOT NULL,
      ip VARCHAR(45) NULL,
      created_at ${NOW},
      last_used_at ${NOW},
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      revoked_reason VARCHAR(32) NULL,
      PRIMARY KEY (id),
      KEY idx_auth_sessions_user (user_id, revoked_at, last_used_at),
      CONSTRAINT fk_auth_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE refresh_tokens (
      id ${ID} NOT NULL,
      session_id ${ID} NOT NULL,
      token_hash ${HASH} NOT NULL,
      created_at ${NOW},
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_refresh_tokens_hash (token_hash),
      KEY idx_refresh_tokens_session (session_id),
      CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES auth_sessions (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE email_tokens (
      id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      purpose VARCHAR(20) NOT NULL,
      token_hash ${HASH} NOT NULL,
      created_at ${NOW},
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_email_tokens_hash (token_hash),
      KEY idx_email_tokens_user (user_id, purpose),
      CONSTRAINT fk_email_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE two_factor_backup_codes (
      id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      code_hash ${HASH} NOT NULL,
      used_at DATETIME(3) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      UNIQUE KEY uq_backup_codes_user_hash (user_id, code_hash),
      CONSTRAINT fk_backup_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE data_exports (
      job_id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      content LONGTEXT NOT NULL,
      created_at ${NOW},
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (job_id),
      KEY idx_data_exports_user (user_id),
      KEY idx_data_exports_expires (expires_at),
      CONSTRAINT fk_data_exports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['data_exports', 'two_factor_backup_codes', 'email_tokens', 'refresh_tokens', 'auth_sessions', 'user_preferences', 'users']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
