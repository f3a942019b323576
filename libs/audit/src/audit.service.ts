import { Injectable, Logger } from '@nestjs/common';
import { newId, requestContext } from '@app/common';
import type { TransactionContext } from '@app/database';
import { JOB, JobProducer, type AuditEntryPayload } from '@app/jobs';
import { AuditRepository } from './audit.repository';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the caller of the current request. */
  actorId?: string | null;
}

/**
 * Records who changed what. Written in the business transaction when there is one; if that insert fails,
 * the entry goes to the audit queue after commit and the worker writes it (idempotently, by entry id).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repository: AuditRepository,
    private readonly producer: JobProducer,
  ) {}

  async record(tx: TransactionContext | null, event: AuditEvent): Promise<void> {
    const context = requestContext.get();
    const entry: AuditEntryPayload = {
      id: newId(),
      actorId: event.actorId !== undefined ? event.actorId : (context?.actorId ?? null),
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      before: event.before ?? null,
      after: event.after ?? null,
      requestId: context?.requestId ?? null,
      ip: context?.ip ?? null,
      createdAt: new Date().toISOString(),
    };
    try {
      await this.repository.insert(entry, tx?.manager);
    } catch (error) {
      this.logger.warn({ err: error, auditEntryId: entry.id }, 'audit write failed; retrying through the audit queue');
      if (tx) tx.afterCommit(() => this.retryLater(entry));
      else await this.retryLater(entry);
    }
  }

  private async retryLater(entry: AuditEntryPayload): Promise<void> {
    try {
      await this.producer.enqueue(JOB.writeAuditEntry, entry, { jobId: entry.id });
    } catch (error) {
      // Last resort: the entry survives in the structured log, where it can be replayed from.
      this.logger.error({ err: error, auditEntry: entry }, 'audit entry could not be queued');
    }
  }
}
