import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { JobProducer } from '@app/jobs';
import { enqueueNotificationEmails } from '@app/notifications';
import { PeriodicSweeper, type SweepProgress } from '../queues/periodic-sweeper';
import { NotificationOutbox } from './notification-outbox';

const BATCH = 500;

/**
 * Notification e-mail is never lost when Redis is briefly down: a row still `pending` JOB_SWEEP_AFTER_MS after it
 * was due is enqueued again. Its job id is derived from the notification id, so an e-mail whose job is in fact
 * still waiting is not added twice, and the row's state makes a second run of a job harmless.
 */
@Injectable()
export class NotificationEmailSweeper extends PeriodicSweeper {
  constructor(
    config: AppConfig,
    private readonly outbox: NotificationOutbox,
    private readonly producer: JobProducer,
  ) {
    super(config, 'NotificationSweeper', 'notification e-mails');
  }

  protected async enqueueStale(progress: SweepProgress): Promise<void> {
    for (;;) {
      const stale = await this.outbox.findStale(this.config.JOB_SWEEP_AFTER_MS, BATCH);
      await enqueueNotificationEmails(this.producer, stale);
      // Restarting the clock also ends the loop: these rows are no longer stale.
      await this.outbox.enqueued(stale);
      progress.enqueued += stale.length;
      if (stale.length < BATCH) return;
    }
  }
}
