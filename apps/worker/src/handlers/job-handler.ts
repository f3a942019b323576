import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '@app/jobs';
import type { Job } from 'bullmq';

export const HANDLES_JOB = 'worker:handles-job';

/** Marks a provider as the one handler of a job name; the registry checks every name has exactly one. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(HANDLES_JOB, name);

export interface JobContext {
  /** Reports progress 0–100 on the tracked job row, when the job has one. */
  progress(percent: number): Promise<void>;
}

/** Runs one job. Its payload fits the job's schema (JOB_PAYLOADS in libs/jobs): the consumer checked it first. */
export interface JobHandler<N extends JobName = JobName> {
  handle(job: Job<JobPayloads[N]>, context: JobContext): Promise<Record<string, unknown> | void>;
}
