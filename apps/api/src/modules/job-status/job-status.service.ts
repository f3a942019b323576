import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import type { JobDto } from '@app/contracts';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import { toJobDto } from './job-status.mapper';
import { JobStatusRepository } from './job-status.repository';

@Injectable()
export class JobStatusService {
  constructor(private readonly jobs: JobStatusRepository) {}

  /** The job's creator, or a holder of jobs:read-any; to anyone else it does not exist (404). */
  async get(caller: Principal, jobId: string): Promise<JobDto> {
    const job = await this.jobs.findById(jobId);
    const visible = job !== null && (job.createdBy === caller.userId || hasPermission(caller.role, PERMISSIONS.jobsReadAny));
    if (!job || !visible) throw new NotFoundError('Job', jobId);
    return toJobDto(job);
  }
}
