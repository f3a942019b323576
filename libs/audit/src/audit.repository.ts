import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryPayload } from '@app/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLogEntity } from './audit-log.entity';

/** Insert-only access to the audit log. Inserts are idempotent on the entry id, so a retried write adds one row. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: AuditEntryPayload, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values({
        id: entry.id,
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        beforeState: entry.before === undefined ? null : (entry.before as object),
        afterState: entry.after === undefined ? null : (entry.after as object),
        requestId: entry.requestId,
        ip: entry.ip,
        createdAt: new Date(entry.createdAt),
      } as QueryDeepPartialEntity<AuditLogEntity>)
      // Not INSERT IGNORE: that would also turn data errors into silent truncation.
      .orUpdate(['id'], ['id'])
      .execute();
  }
}
