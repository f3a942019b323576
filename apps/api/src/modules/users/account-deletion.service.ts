import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, DomainError } from '@app/common';
import { AuditService } from '@app/audit';
import type { JobAcceptedDto, UserDto } from '@app/contracts';
import { toUserDto, type Principal } from '@app/identity';
import { JOB, JobProducer, type JobErrorCode } from '@app/jobs';
import { SessionsRepository } from '../auth/sessions.repository';
import { canManageUser, isSelf, userNotFound } from './user-access';
import { UsersRepository } from './users.repository';

/** The public error code of the anonymisation job of a withdrawn deletion request (libs/jobs/src/job-errors.ts). */
export const DELETION_CANCELLED: JobErrorCode = 'ACCOUNT_DELETION_CANCELLED';

/**
 * Account deletion: a request starts the grace period (ACCOUNT_DELETION_GRACE_SECONDS) and schedules the
 * anonymisation job for its end; cancelling within the period restores the account. The worker's handler
 * re-checks everything under a row lock, so a cancel racing the job is safe either way.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  /** Only the owner asks for their own deletion; an admin ends someone else's access by deactivating it. */
  requestDeletion(caller: Principal, userId: string): Promise<JobAcceptedDto> {
    return this.users.transaction(async (tx) => {
      const user = isSelf(caller, userId) ? await this.users.lockById(tx, userId) : null;
      if (!user) throw userNotFound(userId);
      if (user.status === 'pending_deletion') {
        throw new DomainError('CONFLICT', 'Deletion of this account is already scheduled.', { status: user.status, jobId: user.deletionJobId });
      }
      if (user.status !== 'active') throw new DomainError('CONFLICT', `A ${user.status} account cannot request deletion.`, { status: user.status });
      if (user.role === 'super_admin' && (await this.users.lockOtherActiveSuperAdmins(tx, userId)) === 0) {
        throw new DomainError('CONFLICT', 'The last active super_admin cannot delete their account; appoint another super_admin first.');
      }

      // Taken before the job's due time is, so the worker never finds the job due before the grace period ends.
      const requestedAt = new Date();
      const graceMs = this.config.ACCOUNT_DELETION_GRACE_SECONDS * 1000;
      const job = await this.producer.createTracked(tx, { name: JOB.anonymiseUser, payload: { userId }, createdBy: caller.userId, delayMs: graceMs });
      await this.users.update(tx, userId, user.version, { status: 'pending_deletion', deletionRequestedAt: requestedAt, deletionJobId: job.id });
      const revoked = await this.sessions.revokeAllForUser(tx, userId, 'deleted', undefined, { endAccessTokens: true });
      await this.audit.record(tx, {
        action: 'user.deletion_requested',
        targetType: 'user',
        targetId: userId,
        before: { status: user.status },
        after: { status: 'pending_deletion', jobId: job.id, anonymiseAfter: new Date(requestedAt.getTime() + graceMs).toISOString(), sessionsRevoked: revoked },
      });
      return { jobId: job.id };
    });
  }

  /** The owner (signed in again) or an account manager, within the grace period; the account becomes active. */
  cancelDeletion(caller: Principal, userId: string): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      const user = canManageUser(caller, userId) ? await this.users.lockById(tx, userId) : null;
      if (!user) throw userNotFound(userId);
      if (user.status !== 'pending_deletion') {
        throw new DomainError('CONFLICT', 'No deletion of this account is pending.', { status: user.status });
      }
      const graceEnds = (user.deletionRequestedAt?.getTime() ?? 0) + this.config.ACCOUNT_DELETION_GRACE_SECONDS * 1000;
      if (Date.now() >= graceEnds) {
        throw new DomainError('CONFLICT', 'The grace period is over; the account is being anonymised.', { status: user.status });
      }
      const jobId = user.deletionJobId;
      await this.users.update(tx, userId, user.version, { status: 'active', deletionRequestedAt: null, deletionJobId: null });
      if (jobId) {
        await this.users.cancelQueuedJob(tx, jobId, DELETION_CANCELLED);
        // Belt and braces: the handler also does nothing for an account that is no longer pending deletion.
        tx.afterCommit(async () => {
          try {
            await this.producer.removeWaiting(JOB.anonymiseUser, jobId);
          } catch (error) {
            this.logger.warn({ err: error, jobId }, 'delayed anonymisation not removed; its handler will skip it');
          }
        });
      }
      await this.audit.record(tx, {
        action: 'user.deletion_cancelled',
        targetType: 'user',
        targetId: userId,
        before: { status: user.status, jobId },
        after: { status: 'active' },
      });
      const updated = await this.users.findById(userId, tx);
      if (!updated) throw userNotFound(userId);
      return toUserDto(updated);
    });
  }
}
