import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CORE_QUESTIONS, CORE_QUESTIONS_VERSION, CORE_QUESTION_SET_ID } from '../reference/core-questions';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
const NOW = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const FK = 'ON DELETE CASCADE ON UPDATE NO ACTION';

/**
 * Adoption applications: the forms (question sets, versioned), drafts, applications with their status history,
 * references, home visits and messages; and the core form, version 1.
 */
export class Applications1763830000000 implements MigrationInterface {
  name = 'Applications1763830000000';

  async up(q: QueryRunner): Promise<void> {
    // rescue_id NULL: the core library. A save inserts the next version; (rescue_id, version) makes two
    // concurrent saves of the same version collide instead of both winning.
    await q.query(`CREATE TABLE application_question_sets (
      id ${ID} NOT NULL,
      rescue_id ${ID} NULL,
      version INT UNSIGNED NOT NULL,
      questions JSON NOT NULL,
      created_by ${ID} NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      UNIQUE KEY uq_question_sets_rescue_version (rescue_id, version),
      CONSTRAINT fk_question_sets_rescue FOREIGN KEY (rescue_id) REFERENCES rescues (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE application_drafts (
      id ${ID} NOT NULL,
      applicant_id ${ID} NOT NULL,
      pet_id ${ID} NOT NULL,
      answers JSON NOT NULL,
      reference_list JSON NOT NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      UNIQUE KEY uq_application_drafts_applicant_pet (applicant_id, pet_id),
      KEY idx_application_drafts_applicant_created (applicant_id, created_at),
      KEY idx_application_drafts_pet (pet_id),
      CONSTRAINT fk_application_drafts_applicant FOREIGN KEY (applicant_id) REFERENCES users (id) ${FK},
      CONSTRAINT fk_application_drafts_pet FOREIGN KEY (pet_id) REFERENCES pets (id) ${FK}
    ) ${TABLE}`);

    // active_pet_id is pet_id while the application is open and NULL once it is closed, so the unique key allows
    // one open application per applicant and pet however many closed ones there are; approved_pet_id does the
    // same for "one approved application per pet". Both are written by the one statement that changes a status.
    await q.query(`CREATE TABLE applications (
      id ${ID} NOT NULL,
      pet_id ${ID} NOT NULL,
      applicant_id ${ID} NOT NULL,
      owner_type VARCHAR(16) NOT NULL,
      rescue_id ${ID} NULL,
      owner_user_id ${ID} NULL,
      question_set_id ${ID} NOT NULL,
      answers JSON NOT NULL,
      status VARCHAR(20) NOT NULL,
      status_reason VARCHAR(500) NULL,
      assignee_id ${ID} NULL,
      active_pet_id ${ID} NULL,
      approved_pet_id ${ID} NULL,
      submitted_at ${NOW},
      decided_at DATETIME(3) NULL,
      closed_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      UNIQUE KEY uq_applications_applicant_active_pet (applicant_id, active_pet_id),
      UNIQUE KEY uq_applications_approved_pet (approved_pet_id),
      KEY idx_applications_submitted (submitted_at),
      KEY idx_applications_status_submitted (status, submitted_at),
      KEY idx_applications_applicant_submitted (applicant_id, submitted_at),
      KEY idx_applications_pet_status (pet_id, status),
      KEY idx_applications_rescue_submitted (rescue_id, submitted_at),
      KEY idx_applications_owner_user_submitted (owner_user_id, submitted_at),
      KEY idx_applications_assignee (assignee_id),
      KEY idx_applications_question_set (question_set_id),
      CONSTRAINT fk_applications_pet FOREIGN KEY (pet_id) REFERENCES pets (id) ${FK},
      CONSTRAINT fk_applications_applicant FOREIGN KEY (applicant_id) REFERENCES users (id) ${FK},
      CONSTRAINT fk_applications_rescue FOREIGN KEY (rescue_id) REFERENCES rescues (id) ${FK},
      CONSTRAINT fk_applications_owner_user FOREIGN KEY (owner_user_id) REFERENCES users (id) ${FK},
      CONSTRAINT fk_applications_assignee FOREIGN KEY (assignee_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION,
      CONSTRAINT fk_applications_question_set FOREIGN KEY (question_set_id) REFERENCES application_question_sets (id) ON DELETE NO ACTION ON UPDATE NO ACTION
    ) ${TABLE}`);

    await q.query(`CREATE TABLE application_status_history (
      id ${ID} NOT NULL,
      application_id ${ID} NOT NULL,
      from_status VARCHAR(20) NULL,
      to_status VARCHAR(20) NOT NULL,
      actor_id ${ID} NULL,
      note VARCHAR(2000) NULL,
      reason VARCHAR(500) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      KEY idx_application_history_application (application_id, created_at),
      CONSTRAINT fk_application_history_application FOREIGN KEY (application_id) REFERENCES applications (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE application_references (
      id ${ID} NOT NULL,
      application_id ${ID} NOT NULL,
      position TINYINT UNSIGNED NOT NULL,
      name VARCHAR(100) NOT NULL,
      relationship VARCHAR(100) NOT NULL,
      email VARCHAR(254) NULL,
      phone VARCHAR(32) NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'pending',
      notes TEXT NULL,
      contacted_at DATETIME(3) NULL,
      verified_at DATETIME(3) NULL,
      updated_by ${ID} NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_application_references_application (application_id, position),
      CONSTRAINT fk_application_references_application FOREIGN KEY (application_id) REFERENCES applications (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE application_home_visits (
      id ${ID} NOT NULL,
      application_id ${ID} NOT NULL,
      scheduled_at DATETIME(3) NOT NULL,
      outcome VARCHAR(16) NOT NULL DEFAULT 'scheduled',
      notes TEXT NULL,
      scheduled_by ${ID} NULL,
      recorded_by ${ID} NULL,
      recorded_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_application_home_visits_application (application_id, scheduled_at),
      CONSTRAINT fk_application_home_visits_application FOREIGN KEY (application_id) REFERENCES applications (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE application_messages (
      id ${ID} NOT NULL,
      application_id ${ID} NOT NULL,
      sender_id ${ID} NULL,
      sender_side VARCHAR(16) NOT NULL,
      body TEXT NOT NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      KEY idx_application_messages_application (application_id, created_at),
      CONSTRAINT fk_application_messages_application FOREIGN KEY (application_id) REFERENCES applications (id) ${FK}
    ) ${TABLE}`);

    await q.query('INSERT INTO application_question_sets (id, rescue_id, version, questions) VALUES (?, NULL, ?, ?)', [
      CORE_QUESTION_SET_ID,
      CORE_QUESTIONS_VERSION,
      JSON.stringify(CORE_QUESTIONS),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'application_messages',
      'application_home_visits',
      'application_references',
      'application_status_history',
      'applications',
      'application_drafts',
      'application_question_sets',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
