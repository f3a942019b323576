import { JOB, type JobProducer } from '@app/jobs';

/** The BullMQ id of a notification's e-mail job: one job per notification, however often it is enqueued. */
export const notificationEmailJobId = (notificationId: string) => `notification-${notificationId}`;

/** Hands the e-mails of these notifications to the queue (used after commit and by the worker's sweeper). */
export function enqueueNotificationEmails(producer: JobProducer, notificationIds: string[]): Promise<void> {
  return producer.enqueueBulk(
    JOB.deliverNotificationEmail,
    notificationIds.map((notificationId) => ({ payload: { notificationId }, options: { jobId: notificationEmailJobId(notificationId) } })),
  );
}
