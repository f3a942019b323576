import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { CatalogPersonalData } from '@app/catalog';
import { AppConfig } from '@app/common';
import { inTransaction, updateWithVersion } from '@app/database';
import { AuthSessionEntity, BackupCodeEntity, DataExportEntity, EmailTokenEntity, UserEntity, UserPreferencesEntity } from '@app/identity';
import { JOB, type JobPayloads } from '@app/jobs';
import { NotificationEntity } from '@app/notifications';
import { DelayedError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { HandlesJob, type JobHandler } from '../handlers/job-handler';

type Payload = JobPayloads[typeof JOB.anonymiseUser];

/** `.invalid` is reserved (RFC 2606), so the address can never be delivered to, yet it is a valid, unique e-mail. */
export const anonymisedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
export const ANONYMISED_NAME = 'Deleted user';
/** Not an argon2 hash: verifying any password against it fails. */
const UNUSABLE_PASSWORD_HASH = '!anonymised';

/**
 * Erases an account at the end of its deletion grace period. Acts only if the account is still pending deletion
 * under this very job (a cancelled or superseded request makes it a no-op) and the grace period is over; then,
 * in one transaction, anonymises the user row in place (its id stays, so audit entries and jobs keep a valid,
 * now anonymous, reference) and deletes every other row of personal data. Idempotent: a second run finds the
 * account `deleted` and does nothing.
 */
@Injectable()
@HandlesJob(JOB.anonymiseUser)
export class AnonymiseUserHandler implements JobHandler<typeof JOB.anonymiseUser> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly catalog: CatalogPersonalData,
  ) {}

  async handle(job: Job<Payload>): Promise<Record<string, unknown>> {
    const { userId, trackedJobId } = job.data;
    return inTransaction(this.dataSource, async (tx) => {
      // The lock orders this against a concurrent cancel: whichever commits first, the other sees its result.
      const user = await tx.manager.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :userId', { userId }).setLock('pessimistic_write').getOne();
      if (!user) return { outcome: 'skipped', reason: 'no such account' };
      if (user.status !== 'pending_deletion') return { outcome: 'skipped', reason: `the account is ${user.status}` };
      if (trackedJobId && user.deletionJobId !== trackedJobId) return { outcome: 'skipped', reason: 'superseded by another deletion request' };

      const due = (user.deletionRequestedAt?.getTime() ?? 0) + this.config.ACCOUNT_DELETION_GRACE_SECONDS * 1000;
      if (Date.now() < due) {
        // Early (clock skew, or a re-enqueue without its delay): wait until due without spending an attempt.
        await job.moveToDelayed(due, job.token);
        throw new DelayedError(`grace period ends at ${new Date(due).toISOString()}`);
      }

      await updateWithVersion(tx.manager, {
        entity: UserEntity,
        resource: 'User',
        id: userId,
        expectedVersion: user.version,
        changes: {
          email: anonymisedEmail(userId),
          name: ANONYMISED_NAME,
          phone: null,
          city: null,
          bio: null,
          passwordHash: UNUSABLE_PASSWORD_HASH,
          emailVerifiedAt: null,
          twoFactorSecret: null,
          twoFactorPendingSecret: null,
          twoFactorEnabledAt: null,
          lastLoginAt: null,
          status: 'deleted',
        } as QueryDeepPartialEntity<UserEntity>,
      });
      const removed = await this.catalog.erase(tx, { id: userId, email: user.email });
      for (const [name, entity] of [
        ['preferences', UserPreferencesEntity],
        ['sessions', AuthSessionEntity],
        ['backupCodes', BackupCodeEntity],
        ['emailTokens', EmailTokenEntity],
        ['dataExports', DataExportEntity],
        ['notifications', NotificationEntity],
      ] as const) {
        removed[name] = (await tx.manager.delete(entity, { userId })).affected ?? 0;
      }
      // The idempotency keys are the api's: no entity of the worker maps them.
      const keys = await tx.manager.query('DELETE FROM idempotency_keys WHERE caller = ?', [userId]);
      removed.idempotencyKeys = Number(keys.affectedRows ?? 0);

      await this.audit.record(tx, {
        action: 'user.anonymised',
        targetType: 'user',
        targetId: userId,
        actorId: null,
        before: { status: 'pending_deletion' },
        after: { status: 'deleted', removed },
      });
      return { outcome: 'anonymised', removed };
    });
  }
}
