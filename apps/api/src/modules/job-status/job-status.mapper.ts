import type { JobDto } from '@app/contracts';
import { JOB_ERROR_MESSAGES, type JobEntity } from '@app/jobs';

/**
 * The payload stays internal: it is the worker's input, not something the caller asked to see. A failure shows as
 * its public code and sentence (libs/jobs/src/job-errors.ts); its cause is only in the worker's logs.
 */
export function toJobDto(job: JobEntity): JobDto {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    attempts: job.attempts,
    result: job.result ?? null,
    errorCode: job.errorCode,
    error: job.errorCode === null ? null : JOB_ERROR_MESSAGES[job.errorCode],
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
