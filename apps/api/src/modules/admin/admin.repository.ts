import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLogEntity } from '@app/audit';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { inTransaction, updateWithVersion, type TransactionContext } from '@app/database';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConfigEntryEntity } from '../configuration/config-entry.entity';
import { FeatureFlagEntity } from '../features/feature-flag.entity';

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

export type FeatureChanges = Partial<Pick<FeatureFlagEntity, 'enabled' | 'description'>>;
/** `value: null` is the JSON value null, not "unchanged". */
export type ConfigChanges = Partial<Pick<ConfigEntryEntity, 'value' | 'isPublic' | 'description'>>;

/** Storage for the admin operations: audit log reads, feature flag and configuration writes. */
export abstract class AdminRepository {
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;

  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract listAudit(filter: AuditFilter, after: KeysetPosition | null, limit: number): Promise<AuditLogEntity[]>;
  abstract countAudit(filter: AuditFilter): Promise<number>;

  abstract findFeature(tx: TransactionContext, key: string): Promise<FeatureFlagEntity | null>;
  abstract updateFeature(tx: TransactionContext, key: string, expectedVersion: number, changes: FeatureChanges): Promise<void>;

  abstract findAllConfig(): Promise<ConfigEntryEntity[]>;
  abstract findConfig(tx: TransactionContext, key: string): Promise<ConfigEntryEntity | null>;
  abstract updateConfig(tx: TransactionContext, key: string, expectedVersion: number, changes: ConfigChanges): Promise<void>;
}

@Injectable()
export class TypeOrmAdminRepository extends AdminRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** Each filter matches a leading column of one of the audit_log indexes (target, actor, action, created). */
  private filteredAudit(filter: AuditFilter): SelectQueryBuilder<AuditLogEntity> {
    const query = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.targetType !== undefined) query.andWhere('a.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId !== undefined) query.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorId !== undefined) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action !== undefined) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.created_at < :to', { to: filter.to });
    return query;
  }

  listAudit(filter: AuditFilter, after: KeysetPosition | null, limit: number): Promise<AuditLogEntity[]> {
    const query = this.filteredAudit(filter);
    if (after) {
      query.andWhere('(a.created_at < :afterAt OR (a.created_at = :afterAt AND a.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    }
    return query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(limit).getMany();
  }

  countAudit(filter: AuditFilter): Promise<number> {
    return this.filteredAudit(filter).getCount();
  }

  findFeature(tx: TransactionContext, key: string): Promise<FeatureFlagEntity | null> {
    return tx.manager.getRepository(FeatureFlagEntity).findOneBy({ key });
  }

  async updateFeature(tx: TransactionContext, key: string, expectedVersion: number, changes: FeatureChanges): Promise<void> {
    await updateWithVersion(tx.manager, { entity: FeatureFlagEntity, resource: 'Feature', id: key, idColumn: '`key`', expectedVersion, changes });
  }

  findAllConfig(): Promise<ConfigEntryEntity[]> {
    return this.dataSource.getRepository(ConfigEntryEntity).find({ order: { key: 'ASC' } });
  }

  findConfig(tx: TransactionContext, key: string): Promise<ConfigEntryEntity | null> {
    return tx.manager.getRepository(ConfigEntryEntity).findOneBy({ key });
  }

  async updateConfig(tx: TransactionContext, key: string, expectedVersion: number, changes: ConfigChanges): Promise<void> {
    const { value, ...rest } = changes;
    const set: QueryDeepPartialEntity<ConfigEntryEntity> = { ...rest };
    if ('value' in changes) {
      // TypeORM writes a JSON column's null as SQL NULL (refused: the column is NOT NULL); JSON null is the text 'null'.
      set.value = value === null ? () => "'null'" : (value as QueryDeepPartialEntity<ConfigEntryEntity>['value']);
    }
    await updateWithVersion(tx.manager, { entity: ConfigEntryEntity, resource: 'Config entry', id: key, idColumn: '`key`', expectedVersion, changes: set });
  }
}
