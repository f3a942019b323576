// Queue names, job names and payload schemas (each payload's type is derived from its schema): the single place
// producer (api) and consumer (worker) share, so the two cannot drift. The worker refuses to start unless every
// job name here has a schema and exactly one handler.
import { Availability } from '@app/contracts';
import {
  anything,
  dateTime,
  email,
  type Infer,
  nullable,
  object,
  oneOf,
  optional,
  problemsOf,
  record,
  refine,
  type Schema,
  string,
  uuid,
} from './payload-schema';

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

/** The key of every tracked job: the id of its row in the `jobs` table, which the producer adds on enqueue. */
const trackedPayload = object({ trackedJobId: optional(uuid()) });
export type TrackedPayload = Infer<typeof trackedPayload>;

const auditEntryPayload = object({
  id: uuid(),
  actorId: nullable(uuid()),
  action: string({ max: 64 }),
  targetType: string({ max: 64 }),
  targetId: nullable(string({ max: 64 })),
  before: anything(),
  after: anything(),
  requestId: nullable(string({ max: 128 })),
  ip: nullable(string({ max: 45 })),
  /** The time of the change, not of the retry. */
  createdAt: dateTime(),
});
export type AuditEntryPayload = Infer<typeof auditEntryPayload>;

/** Every e-mail the platform sends (texts live in the worker's templates), with the params it cannot do without. */
export const EMAIL_REQUIRED_PARAMS = {
  'verify-email': ['token'],
  'account-exists': [],
  'password-reset': ['token'],
  'password-changed': [],
  'account-locked': [],
  'new-device-login': [],
  'data-export-ready': ['jobId'],
  'staff-invitation': ['token', 'rescueName', 'role'],
} as const satisfies Record<string, readonly string[]>;
export type EmailTemplate = keyof typeof EMAIL_REQUIRED_PARAMS;
export const EMAIL_TEMPLATES = Object.keys(EMAIL_REQUIRED_PARAMS) as EmailTemplate[];

const sendEmailPayload = refine(
  object({
    template: oneOf(EMAIL_TEMPLATES),
    to: email(),
    /**
     * The recipient's account, when there is one. These mails are sent whatever its notification preferences say
     * (security mail, or an answer to the recipient's own request); notification e-mail has its own job.
     */
    userId: nullable(uuid()),
    /** Values the template fills in, e.g. `{ token }` for verify-email (the worker builds the link). */
    params: record(string({ min: 0, max: 1000 })),
  }),
  ({ template, params }) => {
    const missing = EMAIL_REQUIRED_PARAMS[template].filter((key: string) => !params[key]);
    return missing.length > 0 ? `params of ${template} must include ${missing.join(', ')}` : null;
  },
);
export type SendEmailPayload = Infer<typeof sendEmailPayload>;

/** The e-mail of one notification (libs/notifications): its row is the outbox, keyed by the notification id. */
const notificationEmailPayload = object({ notificationId: uuid() });
export type NotificationEmailPayload = Infer<typeof notificationEmailPayload>;

const availability = oneOf(Object.values(Availability));

/** A pet's availability changed: notify everyone who favourited it (a tracked job, written with the change). */
const petStatusFanOutPayload = object({
  petId: uuid(),
  /** The name when it changed, for the notification's text. */
  petName: string({ max: 100, pattern: /\S/ }),
  from: availability,
  to: availability,
  /** Who changed it; not notified. */
  actorId: nullable(uuid()),
  /** Identifies this change: the event key of every notification it makes, so a rerun notifies nobody twice. */
  changeId: uuid(),
  trackedJobId: optional(uuid()),
});
export type PetStatusFanOutPayload = Infer<typeof petStatusFanOutPayload>;

/**
 * The schema of every job's payload. The consumer refuses a payload that does not fit as poison (it fails at
 * once, without retries) before its handler runs; the producer refuses it on enqueue, where the mistake is made.
 */
export const JOB_PAYLOADS = {
  [JOB.purgeIdempotencyKeys]: trackedPayload,
  /** Deletes notifications past NOTIFICATION_RETENTION_DAYS (docs/notifications.md, "Retention"). */
  [JOB.purgeNotifications]: trackedPayload,
  /** The export is stored under its tracked job id, so that id is required. */
  [JOB.exportUserData]: object({ userId: uuid(), trackedJobId: uuid() }),
  [JOB.anonymiseUser]: object({ userId: uuid(), trackedJobId: optional(uuid()) }),
  [JOB.sendEmail]: sendEmailPayload,
  [JOB.deliverNotificationEmail]: notificationEmailPayload,
  [JOB.fanOutPetStatusChange]: petStatusFanOutPayload,
  [JOB.writeAuditEntry]: auditEntryPayload,
} satisfies Record<JobName, Schema<unknown>>;

export type JobPayloads = { [N in JobName]: Infer<(typeof JOB_PAYLOADS)[N]> };

/** Why `payload` can never be processed as job `name` (it is poison), or null when it fits. */
export function invalidPayloadReason(name: JobName, payload: unknown): string | null {
  return problemsOf(JOB_PAYLOADS[name], payload);
}

export const RETRY_POLICY = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs stay a day so that a re-enqueue with the same jobId is recognised as a duplicate.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
