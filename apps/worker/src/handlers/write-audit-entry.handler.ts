import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@app/audit';
import { JOB, type AuditEntryPayload } from '@app/jobs';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler } from './job-handler';

/** Writes an audit entry whose synchronous write failed. Idempotent: the entry id is the primary key. */
@Injectable()
@HandlesJob(JOB.writeAuditEntry)
export class WriteAuditEntryHandler implements JobHandler<typeof JOB.writeAuditEntry> {
  constructor(private readonly audit: AuditRepository) {}

  async handle(job: Job<AuditEntryPayload>): Promise<void> {
    await this.audit.insert(job.data);
  }
}
