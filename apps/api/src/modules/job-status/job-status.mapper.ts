import type { JobDto } from '@app/contracts';
import type { JobEntity } from '@app/jobs';

/** The payload stays internal: it is the worker's input, not something the caller asked to see. */
export function toJobDto(job: JobEntity): JobDto {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    attempts: job.attempts,
    result: job.result ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
