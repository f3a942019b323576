import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { Role, UserStatus } from '@app/contracts';
import { inTransaction, likeContains, updateWithVersion, type TransactionContext } from '@app/database';
import { DataExportEntity, UserEntity, UserPreferencesEntity } from '@app/identity';
import { JOB, JobEntity, type JobErrorCode } from '@app/jobs';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export interface UserListFilter {
  roles?: Role[];
  statuses?: UserStatus[];
  /** Contained in the name or the e-mail, taken literally (no wildcards). */
  text?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

/** Never the role: RoleChanges (auth) owns every role change. */
export type UserChanges = Partial<Pick<UserEntity, 'name' | 'phone' | 'city' | 'bio' | 'status' | 'deletionRequestedAt' | 'deletionJobId'>>;
export type PreferenceChanges = Partial<Pick<UserPreferencesEntity, 'notifications' | 'quietHours' | 'locale' | 'timezone'>>;

/**
 * What the users feature needs from storage; the DI token, so services never touch TypeORM. Methods that take a
 * `tx` run inside the caller's transaction (see `transaction`).
 */
export abstract class UsersRepository {
  /** Runs `work` in one transaction; its after-commit effects run once it commits. */
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;

  abstract findById(id: string, tx?: TransactionContext): Promise<UserEntity | null>;
  /** Reads the user and locks the row until the transaction ends, so a status check and its change cannot race. */
  abstract lockById(tx: TransactionContext, id: string): Promise<UserEntity | null>;
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(filter: UserListFilter, after: KeysetPosition | null, limit: number): Promise<UserEntity[]>;
  abstract count(filter: UserListFilter): Promise<number>;
  /** Optimistic update: VERSION_CONFLICT (with the current version) unless the row still has `expectedVersion`. */
  abstract update(tx: TransactionContext, id: string, expectedVersion: number, changes: UserChanges): Promise<void>;
  /** Active super_admins other than `exceptId`, locking them so that two of them cannot leave at once. */
  abstract lockOtherActiveSuperAdmins(tx: TransactionContext, exceptId: string): Promise<number>;

  abstract findPreferences(userId: string, tx?: TransactionContext): Promise<UserPreferencesEntity | null>;
  /** Creates the default preferences unless a row exists already (a concurrent first read may have made it). */
  abstract createDefaultPreferences(userId: string, defaults: PreferenceChanges, tx?: TransactionContext): Promise<void>;
  abstract updatePreferences(tx: TransactionContext, userId: string, expectedVersion: number, changes: PreferenceChanges): Promise<void>;

  /** A data export job of the user that is still queued or running, if any. */
  abstract findUnfinishedExportJob(tx: TransactionContext, userId: string): Promise<JobEntity | null>;
  abstract findDataExport(jobId: string): Promise<DataExportEntity | null>;
  /** Marks a tracked job that will not run any more (e.g. the anonymisation of a cancelled deletion). */
  abstract cancelQueuedJob(tx: TransactionContext, jobId: string, errorCode: JobErrorCode): Promise<void>;
}

@Injectable()
export class TypeOrmUsersRepository extends UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  findById(id: string, tx?: TransactionContext): Promise<UserEntity | null> {
    return this.manager(tx).getRepository(UserEntity).findOneBy({ id });
  }

  lockById(tx: TransactionContext, id: string): Promise<UserEntity | null> {
    return tx.manager.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  private filtered(filter: UserListFilter): SelectQueryBuilder<UserEntity> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.roles?.length) query.andWhere('u.role IN (:...roles)', { roles: filter.roles });
    if (filter.statuses?.length) query.andWhere('u.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.text !== undefined) {
      query.andWhere("(u.name LIKE :text ESCAPE '!' OR u.email LIKE :text ESCAPE '!')", { text: likeContains(filter.text) });
    }
    if (filter.createdFrom) query.andWhere('u.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo) query.andWhere('u.created_at < :createdTo', { createdTo: filter.createdTo });
    return query;
  }

  list(filter: UserListFilter, after: KeysetPosition | null, limit: number): Promise<UserEntity[]> {
    const query = this.filtered(filter);
    if (after) {
      query.andWhere('(u.created_at < :afterAt OR (u.created_at = :afterAt AND u.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    }
    return query.orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').limit(limit).getMany();
  }

  count(filter: UserListFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  async update(tx: TransactionContext, id: string, expectedVersion: number, changes: UserChanges): Promise<void> {
    await updateWithVersion(tx.manager, { entity: UserEntity, resource: 'User', id, expectedVersion, changes: changes as QueryDeepPartialEntity<UserEntity> });
  }

  async lockOtherActiveSuperAdmins(tx: TransactionContext, exceptId: string): Promise<number> {
    const rows = await tx.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id')
      .where("u.role = 'super_admin' AND u.status = 'active' AND u.id <> :exceptId", { exceptId })
      .setLock('pessimistic_write')
      .getMany();
    return rows.length;
  }

  findPreferences(userId: string, tx?: TransactionContext): Promise<UserPreferencesEntity | null> {
    return this.manager(tx).getRepository(UserPreferencesEntity).findOneBy({ userId });
  }

  async createDefaultPreferences(userId: string, defaults: PreferenceChanges, tx?: TransactionContext): Promise<void> {
    await this.manager(tx)
      .createQueryBuilder()
      .insert()
      .into(UserPreferencesEntity)
      .values({ userId, ...defaults } as QueryDeepPartialEntity<UserPreferencesEntity>)
      // Not INSERT IGNORE, which would also hide data errors: a duplicate key (a concurrent first read) is a no-op.
      .orUpdate(['user_id'], ['user_id'])
      .execute();
  }

  async updatePreferences(tx: TransactionContext, userId: string, expectedVersion: number, changes: PreferenceChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: UserPreferencesEntity,
      resource: 'Preferences',
      id: userId,
      idColumn: 'user_id',
      expectedVersion,
      changes: changes as QueryDeepPartialEntity<UserPreferencesEntity>,
    });
  }

  findUnfinishedExportJob(tx: TransactionContext, userId: string): Promise<JobEntity | null> {
    return tx.manager
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .where('j.created_by = :userId AND j.type = :type', { userId, type: JOB.exportUserData })
      .andWhere("j.status IN ('queued', 'running')")
      .orderBy('j.created_at', 'DESC')
      .getOne();
  }

  findDataExport(jobId: string): Promise<DataExportEntity | null> {
    return this.dataSource.getRepository(DataExportEntity).findOneBy({ jobId });
  }

  async cancelQueuedJob(tx: TransactionContext, jobId: string, errorCode: JobErrorCode): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .update(JobEntity)
      .set({ status: 'failed', errorCode, finishedAt: () => 'CURRENT_TIMESTAMP(3)', updatedAt: () => 'CURRENT_TIMESTAMP(3)', version: () => 'version + 1' })
      .where("id = :jobId AND status = 'queued'", { jobId })
      .execute();
  }
}
