import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { runInBatches } from '@app/database';
import { JOB } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobContext, type JobHandler } from './job-handler';

/**
 * Notifications are kept NOTIFICATION_RETENTION_DAYS after they were created, read or not, in-app or e-mail-only;
 * afterwards they are deleted (docs/notifications.md, "Retention"). A row whose e-mail is still `pending` is the
 * outbox of a mail not yet settled and is never deleted here: a later run takes it once it is sent, skipped or
 * failed. Deleted oldest first in batches of NOTIFICATION_BATCH_SIZE, each its own statement, so a run never holds
 * many locks for long; idx_notifications_retention (created_at, id) makes each batch a short range scan.
 */
@Injectable()
@HandlesJob(JOB.purgeNotifications)
export class PurgeNotificationsHandler implements JobHandler<typeof JOB.purgeNotifications> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async handle(_job: unknown, context: JobContext): Promise<Record<string, unknown>> {
    // One cutoff for the whole run, from the database clock that wrote created_at: the set of rows to delete only
    // shrinks while the run goes on, so the batches end.
    const [{ cutoff }] = (await this.dataSource.query('SELECT CURRENT_TIMESTAMP(3) - INTERVAL ? DAY AS cutoff', [
      this.config.NOTIFICATION_RETENTION_DAYS,
    ])) as Array<{ cutoff: Date }>;
    const deleted = await runInBatches(
      this.dataSource,
      "DELETE FROM notifications WHERE created_at < ? AND email_status <> 'pending' ORDER BY created_at, id LIMIT ?",
      [cutoff],
      this.config.NOTIFICATION_BATCH_SIZE,
    );
    await context.progress(100);
    return { deleted, createdBefore: cutoff.toISOString() };
  }
}
