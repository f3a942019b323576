// What the owner of a failed job is told (GET /jobs/{jobId}), per job type: a stable code from the contract and a
// sentence written for them. The worker records the code; the api shows it with its sentence. The cause of a
// failure is never part of either: it stays in the worker's (sanitised) logs.
import type { JobDto } from '@app/contracts';
import { JOB, type JobName } from './queues';

export type JobErrorCode = NonNullable<JobDto['errorCode']>;

export const JOB_ERROR_MESSAGES: Record<JobErrorCode, string> = {
  EXPORT_FAILED: 'We could not prepare your data export; please try again later.',
  ACCOUNT_DELETION_FAILED: 'We could not finish deleting your account; please contact us so that we can complete it.',
  ACCOUNT_DELETION_CANCELLED: 'The deletion was cancelled: you withdrew the request, so your account stays open.',
  PET_STATUS_NOTIFICATION_FAILED: 'We could not tell everyone who favourited this pet about its new status.',
  MAINTENANCE_FAILED: 'This maintenance task did not finish; it runs again at its next scheduled time.',
  JOB_FAILED: 'This task could not be completed; please try again later.',
};

const JOB_ERROR_CODES: Record<JobName, JobErrorCode> = {
  [JOB.exportUserData]: 'EXPORT_FAILED',
  [JOB.anonymiseUser]: 'ACCOUNT_DELETION_FAILED',
  [JOB.fanOutPetStatusChange]: 'PET_STATUS_NOTIFICATION_FAILED',
  [JOB.purgeIdempotencyKeys]: 'MAINTENANCE_FAILED',
  [JOB.purgeNotifications]: 'MAINTENANCE_FAILED',
  [JOB.sendEmail]: 'JOB_FAILED',
  [JOB.deliverNotificationEmail]: 'JOB_FAILED',
  [JOB.writeAuditEntry]: 'JOB_FAILED',
};

/** The public code of a failed job of this type (a row may name a type this version no longer has). */
export function jobErrorCodeOf(type: string): JobErrorCode {
  return JOB_ERROR_CODES[type as JobName] ?? 'JOB_FAILED';
}
