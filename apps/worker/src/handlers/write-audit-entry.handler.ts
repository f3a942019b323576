import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@app/audit';
import { JOB, type AuditEntryPayload } from '@app/jobs';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler } from './job-handler';

const REQUIRED_STRINGS: Array<keyof AuditEntryPayload> = ['id', 'action', 'targetType', 'createdAt'];

/** Writes an audit entry whose synchronous write failed. Idempotent: the entry id is the primary key. */
@Injectable()
@HandlesJob(JOB.writeAuditEntry)
export class WriteAuditEntryHandler implements JobHandler<typeof JOB.writeAuditEntry> {
  constructor(private readonly audit: AuditRepository) {}

  validate(payload: unknown): string | null {
    if (payload === null || typeof payload !== 'object') return 'payload must be an object';
    const entry = payload as Record<string, unknown>;
    const missing = REQUIRED_STRINGS.filter((key) => typeof entry[key] !== 'string' || entry[key] === '');
    if (missing.length > 0) return `missing ${missing.join(', ')}`;
    if (Number.isNaN(Date.parse(String(entry.createdAt)))) return 'createdAt is not a date';
    return null;
  }

  async handle(job: Job<AuditEntryPayload>): Promise<void> {
    await this.audit.insert(job.data);
  }
}
