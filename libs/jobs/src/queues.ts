// Queue names, job names and payload types: the single place producer (api) and consumer (worker) share,
// so the two cannot drift. The worker refuses to start unless every job name here has exactly one handler.
import type { Availability } from '@app/contracts';

export const QUEUE = {
  /** Long, user-visible work tracked in the `jobs` table (202 + jobId) and maintenance. */
  jobs: 'jobs',
  /** Mail and other deliveries. */
  notifications: 'notifications',
  /** Audit rows whose synchronous write failed. */
  audit: 'audit',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const JOB = {
  purgeIdempotencyKeys: 'maintenance.purge-idempotency-keys',
  purgeNotifications: 'maintenance.purge-notifications',
  exportUserData: 'privacy.export-user-data',
  anonymiseUser: 'privacy.anonymise-user',
  sendEmail: 'notifications.send-email',
  deliverNotificationEmail: 'notifications.deliver-email',
  fanOutPetStatusChange: 'notifications.fan-out-pet-status',
  writeAuditEntry: 'audit.write-entry',
} as const;
export type JobName = (typeof JOB)[keyof typeof JOB];

/** Which queue carries each job. */
export const QUEUE_OF: Record<JobName, QueueName> = {
  [JOB.purgeIdempotencyKeys]: QUEUE.jobs,
  [JOB.purgeNotifications]: QUEUE.jobs,
  [JOB.exportUserData]: QUEUE.jobs,
  [JOB.anonymiseUser]: QUEUE.jobs,
  [JOB.sendEmail]: QUEUE.notifications,
  [JOB.deliverNotificationEmail]: QUEUE.notifications,
  [JOB.fanOutPetStatusChange]: QUEUE.notifications,
  [JOB.writeAuditEntry]: QUEUE.audit,
};

export interface AuditEntryPayload {
  id: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  /** RFC 3339; the time of the change, not of the retry. */
  createdAt: string;
}

/** Every e-mail the platform sends; texts live in the worker's templates. */
export type EmailTemplate =
  | 'verify-email'
  | 'account-exists'
  | 'password-reset'
  | 'password-changed'
  | 'account-locked'
  | 'new-device-login'
  | 'data-export-ready'
  | 'staff-invitation';

export interface SendEmailPayload {
  template: EmailTemplate;
  to: string;
  /**
   * The recipient's account, when there is one. These mails are sent whatever its notification preferences say
   * (security mail, or an answer to the recipient's own request); notification e-mail has its own job.
   */
  userId: string | null;
  /** Values the template fills in, e.g. `{ token }` for verify-email (the worker builds the link). */
  params: Record<string, string>;
}

/** The e-mail of one notification (libs/notifications): its row is the outbox, keyed by the notification id. */
export interface NotificationEmailPayload {
  notificationId: string;
}

/** A pet's availability changed: notify everyone who favourited it (a tracked job, written with the change). */
export interface PetStatusFanOutPayload {
  petId: string;
  /** The name when it changed, for the notification's text. */
  petName: string;
  from: Availability;
  to: Availability;
  /** Who changed it; not notified. */
  actorId: string | null;
  /** Identifies this change: the event key of every notification it makes, so a rerun notifies nobody twice. */
  changeId: string;
  trackedJobId?: string;
}

export interface JobPayloads {
  [JOB.purgeIdempotencyKeys]: { trackedJobId?: string };
  /** Deletes notifications past NOTIFICATION_RETENTION_DAYS (docs/notifications.md, "Retention"). */
  [JOB.purgeNotifications]: { trackedJobId?: string };
  [JOB.exportUserData]: { userId: string; trackedJobId?: string };
  [JOB.anonymiseUser]: { userId: string; trackedJobId?: string };
  [JOB.sendEmail]: SendEmailPayload;
  [JOB.deliverNotificationEmail]: NotificationEmailPayload;
  [JOB.fanOutPetStatusChange]: PetStatusFanOutPayload;
  [JOB.writeAuditEntry]: AuditEntryPayload;
}

/** Every tracked job carries the id of its row in the `jobs` table. */
export interface TrackedPayload {
  trackedJobId?: string;
}

export const RETRY_POLICY = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs stay a day so that a re-enqueue with the same jobId is recognised as a duplicate.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
