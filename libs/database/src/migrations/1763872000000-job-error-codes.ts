import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed job keeps a public error code (libs/jobs/src/job-errors.ts) instead of the raw error text, which could
 * quote personal data ("Duplicate entry 'alice@example.org' …") and was shown to the job's owner. Existing texts
 * become the code of their job type; those of attempts that were retried are dropped.
 */
export class JobErrorCodes1763872000000 implements MigrationInterface {
  name = 'JobErrorCodes1763872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE jobs SET error = CASE
        WHEN status <> 'failed' THEN NULL
        WHEN type = 'privacy.anonymise-user' AND error LIKE 'cancelled:%' THEN 'ACCOUNT_DELETION_CANCELLED'
        WHEN type = 'privacy.anonymise-user' THEN 'ACCOUNT_DELETION_FAILED'
        WHEN type = 'privacy.export-user-data' THEN 'EXPORT_FAILED'
        WHEN type = 'notifications.fan-out-pet-status' THEN 'PET_STATUS_NOTIFICATION_FAILED'
        WHEN type LIKE 'maintenance.%' THEN 'MAINTENANCE_FAILED'
        ELSE 'JOB_FAILED'
      END
      WHERE error IS NOT NULL`);
    await q.query('ALTER TABLE jobs CHANGE error error_code VARCHAR(64) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE jobs CHANGE error_code error VARCHAR(1000) NULL');
  }
}
