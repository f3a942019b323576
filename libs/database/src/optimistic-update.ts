// TypeORM's save() with @VersionColumn does not put the version into the UPDATE's WHERE clause, so a stale
// save silently overwrites newer data. Every update of a versioned record goes through this helper instead.
import { NotFoundError, VersionConflictError } from '@app/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export interface OptimisticUpdate<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** Name used in error messages, e.g. "Feature". */
  resource: string;
  id: string;
  /** Column that identifies the row, when it is not `id`. */
  idColumn?: string;
  expectedVersion: number;
  changes: QueryDeepPartialEntity<T>;
}

/** Applies the change if the row still has `expectedVersion`; returns the new version. */
export async function updateWithVersion<T extends ObjectLiteral>(manager: EntityManager, update: OptimisticUpdate<T>): Promise<number> {
  const idColumn = update.idColumn ?? 'id';
  const result = await manager
    .createQueryBuilder()
    .update(update.entity)
    .set({ ...update.changes, version: () => 'version + 1', updatedAt: () => 'CURRENT_TIMESTAMP(3)' } as QueryDeepPartialEntity<T>)
    .where(`${idColumn} = :id AND version = :expectedVersion`, { id: update.id, expectedVersion: update.expectedVersion })
    .execute();
  if (result.affected === 1) return update.expectedVersion + 1;

  const current = await manager
    .createQueryBuilder()
    .select('version')
    .from(update.entity, 'row')
    .where(`row.${idColumn} = :id`, { id: update.id })
    .getRawOne<{ version: number }>();
  if (!current) throw new NotFoundError(update.resource, update.id);
  throw new VersionConflictError(update.resource, Number(current.version));
}
