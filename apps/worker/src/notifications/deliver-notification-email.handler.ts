import { Injectable } from '@nestjs/common';
import { JOB, type NotificationEmailPayload } from '@app/jobs';
import { channelsFor, emailSkipReasonOf, notificationEmailJobId, type EmailSkipReason } from '@app/notifications';
import { DelayedError, type Job } from 'bullmq';
import { HandlesJob, type JobHandler } from '../handlers/job-handler';
import { MailSender } from '../mail/mail-sender';
import { renderNotificationEmail } from '../mail/templates';
import { NotificationOutbox } from './notification-outbox';
import { quietHoursEndAt } from './quiet-hours';

/**
 * Mails one notification, its row being the outbox. Decided at the moment of sending, from the current state:
 * nothing if the notification is gone (deleted from the centre, or its account erased) or its e-mail is settled;
 * skipped (and recorded why) if it was read in the app meanwhile, the account is not active, its address is not
 * verified, or the recipient turned e-mail off for the category; delayed, without spending an attempt, while the
 * recipient's quiet hours last. At least once, but one mail: the row is marked sent right after the SMTP server
 * accepts it, and a redelivery that finds it sent does nothing; the Message-ID comes from the notification id, so
 * receiving servers can recognise a duplicate from the one window left (a crash between the two).
 */
@Injectable()
@HandlesJob(JOB.deliverNotificationEmail)
export class DeliverNotificationEmailHandler implements JobHandler<typeof JOB.deliverNotificationEmail> {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly sender: MailSender,
  ) {}

  async handle(job: Job<NotificationEmailPayload>): Promise<Record<string, unknown>> {
    const { notificationId } = job.data;
    const delivery = await this.outbox.findDelivery(notificationId);
    if (!delivery) return { outcome: 'skipped', reason: 'no such notification' };
    const { notification, recipient, preferences } = delivery;
    if (notification.emailStatus !== 'pending') return { outcome: 'skipped', reason: `e-mail already ${notification.emailStatus}` };

    const skip: EmailSkipReason | null =
      notification.readAt !== null ? 'already_read' : emailSkipReasonOf(recipient, channelsFor(preferences?.notifications, notification.type));
    if (skip !== null) {
      await this.outbox.markSkipped(notificationId, skip);
      return { outcome: 'skipped', reason: skip };
    }

    const quietUntil = preferences ? quietHoursEndAt(new Date(), preferences.quietHours, preferences.timezone) : null;
    if (quietUntil) {
      await this.outbox.postpone(notificationId, quietUntil);
      await job.moveToDelayed(quietUntil.getTime(), job.token);
      throw new DelayedError(`quiet hours until ${quietUntil.toISOString()}`);
    }

    const mail = renderNotificationEmail({ ...notification, recipientName: recipient.name }, this.sender.context);
    let messageId: string;
    try {
      messageId = await this.sender.send(recipient.email, mail, notificationEmailJobId(notificationId));
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await this.outbox.markFailed(notificationId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.outbox.markSent(notificationId);
    return { outcome: 'sent', messageId };
  }
}
