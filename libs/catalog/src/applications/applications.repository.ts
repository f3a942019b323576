import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, newId } from '@app/common';
import { isId, keysetCursor, parseTime, type KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { ApplicationStatus, PetOwnerType } from '@app/contracts';
import { inTransaction, isDuplicateKey, type TransactionContext } from '@app/database';
import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isOpen } from './application-lifecycle';
import { ApplicationStatusHistoryEntity } from './application-status-history.entity';
import { ApplicationEntity } from './application.entity';

export interface NewApplication {
  id: string;
  petId: string;
  applicantId: string;
  ownerType: PetOwnerType;
  rescueId: string | null;
  ownerUserId: string | null;
  questionSetId: string;
  answers: Record<string, unknown>;
}

export interface StatusChange {
  id: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** When given, the change applies only to this version. */
  expectedVersion?: number;
  reason: string | null;
}

export interface NewApplicationHistoryEntry {
  applicationId: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actorId: string | null;
  note: string | null;
  reason: string | null;
}

/** Another open application of the pet, as an approval or a completion closes it. */
export interface CompetingApplication {
  id: string;
  applicantId: string;
  applicantName: string;
  assigneeId: string | null;
  status: ApplicationStatus;
}

/** Which applications a list may show: a caller's own and their rescues', or every one. */
export type ApplicationScope = { userId: string; rescueIds: string[] } | 'all';

export interface ApplicationListFilter {
  scope: ApplicationScope;
  statuses?: ApplicationStatus[];
  petId?: string;
  rescueId?: string;
  applicantId?: string;
  assigneeId?: string;
  submittedAfter?: Date;
  submittedBefore?: Date;
}

export interface SubmittedPosition {
  submittedAt: Date;
  id: string;
}

/** Lists of applications are ordered by (submittedAt DESC, id DESC). */
export const submittedCursor = keysetCursor<SubmittedPosition>({
  toParts: (position) => [position.submittedAt.toISOString(), position.id],
  fromParts: ([submittedAt, id, ...rest]) => {
    const time = parseTime(submittedAt);
    return time && isId(id) && rest.length === 0 ? { submittedAt: time, id } : null;
  },
});

/**
 * Applications and their status history; the DI token, so services never touch TypeORM. Methods taking a `tx`
 * run in the caller's transaction. Rows come with the pet's summary fields and the applicant's name.
 */
export abstract class ApplicationsRepository {
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;

  abstract findById(id: string, tx?: TransactionContext): Promise<ApplicationEntity | null>;
  /** Reads the application with a shared lock until `tx` ends: a status change waits for the caller, or the caller for it. */
  abstract findShared(tx: TransactionContext, id: string): Promise<ApplicationEntity | null>;
  /** APPLICATION_EXISTS (with the open application's id) when the applicant already has an open one for the pet. */
  abstract insert(tx: TransactionContext, application: NewApplication): Promise<void>;
  /**
   * Moves the application from `from` to `to` if it still is `from` (and has `expectedVersion`, when given), with
   * the open/approved keys, decision and closing times that go with `to`. false when nothing matched.
   */
  abstract changeStatus(tx: TransactionContext, change: StatusChange): Promise<boolean>;
  /** Locks and returns the pet's other applications in `statuses`, oldest first. */
  abstract lockCompeting(tx: TransactionContext, petId: string, exceptId: string, statuses: readonly ApplicationStatus[]): Promise<CompetingApplication[]>;
  /** Moves applications locked in `tx` (lockCompeting) to `to` in one statement, as changeStatus would one by one. */
  abstract changeLockedStatuses(tx: TransactionContext, ids: readonly string[], to: ApplicationStatus, reason: string): Promise<void>;
  /** Replaces the answers if the application is still submitted with `expectedVersion`; false otherwise. */
  abstract replaceAnswers(tx: TransactionContext, id: string, expectedVersion: number, answers: Record<string, unknown>): Promise<boolean>;
  /** Sets the assignee if the application still has `expectedVersion` (when given); false otherwise. */
  abstract assign(tx: TransactionContext, id: string, assigneeId: string | null, expectedVersion: number | undefined): Promise<boolean>;

  /** Appends history entries in the given order; returns their ids. */
  abstract appendHistory(tx: TransactionContext, entries: NewApplicationHistoryEntry[]): Promise<string[]>;
  /** Oldest first (createdAt, then id), strictly after `after`. */
  abstract listHistory(applicationId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationStatusHistoryEntity[]>;
  abstract countHistory(applicationId: string): Promise<number>;

  /** Newest submission first, strictly after `after`. */
  abstract list(filter: ApplicationListFilter, after: SubmittedPosition | null, limit: number): Promise<ApplicationEntity[]>;
  abstract count(filter: ApplicationListFilter): Promise<number>;
}

const NOW = () => 'CURRENT_TIMESTAMP(3)';

/**
 * The columns a move to `to` writes: the status and its reason, the open/approved keys (pet id or NULL), the
 * decision and closing times, the version. The one place these keys are computed.
 */
function statusColumns(to: ApplicationStatus, reason: string | null): QueryDeepPartialEntity<ApplicationEntity> {
  const closes = !isOpen(to);
  const set: QueryDeepPartialEntity<ApplicationEntity> = {
    status: to,
    statusReason: reason,
    activePetId: closes ? null : () => 'pet_id',
    approvedPetId: to === 'approved' ? () => 'pet_id' : null,
    closedAt: closes ? NOW : null,
    version: () => 'version + 1',
    updatedAt: NOW,
  };
  if (to === 'approved' || to === 'rejected') set.decidedAt = NOW;
  return set;
}

/** UUIDv7s are only ordered across milliseconds: sorting a batch keeps entries written together in order. */
const orderedIds = (count: number) => Array.from({ length: count }, newId).sort();

@Injectable()
export class TypeOrmApplicationsRepository extends ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Applications with the pet's summary and the applicant's name, never more of either. */
  private withSummaries(manager: EntityManager): SelectQueryBuilder<ApplicationEntity> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .innerJoin('a.pet', 'p')
      .addSelect(['p.id', 'p.name', 'p.species', 'p.primaryBreed', 'p.availability'])
      .innerJoin('a.applicant', 'u')
      .addSelect(['u.id', 'u.name']);
  }

  findById(id: string, tx?: TransactionContext): Promise<ApplicationEntity | null> {
    return this.withSummaries(this.manager(tx)).where('a.id = :id', { id }).getOne();
  }

  async findShared(tx: TransactionContext, id: string): Promise<ApplicationEntity | null> {
    // The application's row only: locking the joined pet row too would invert the pet-then-application lock order.
    const [locked] = await tx.manager.query('SELECT id FROM applications WHERE id = ? LOCK IN SHARE MODE', [id]);
    return locked ? this.findById(id, tx) : null;
  }

  async insert(tx: TransactionContext, application: NewApplication): Promise<void> {
    try {
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(ApplicationEntity)
        .values({ ...application, status: 'submitted', activePetId: application.petId } as QueryDeepPartialEntity<ApplicationEntity>)
        .updateEntity(false)
        .execute();
    } catch (error) {
      if (!isDuplicateKey(error, 'uq_applications_applicant_active_pet')) throw error;
      // The unique key waited for the other insert's transaction; it has committed, so its row is visible now.
      const rows: Array<{ id: string }> = await tx.manager.query('SELECT id FROM applications WHERE applicant_id = ? AND active_pet_id = ?', [
        application.applicantId,
        application.petId,
      ]);
      throw new DomainError('APPLICATION_EXISTS', 'You already have an open application for this pet.', {
        applicationId: rows[0]?.id ?? null,
        petId: application.petId,
      });
    }
  }

  async changeStatus(tx: TransactionContext, change: StatusChange): Promise<boolean> {
    const query = tx.manager
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set(statusColumns(change.to, change.reason))
      .where('id = :id AND status = :from', { id: change.id, from: change.from });
    if (change.expectedVersion !== undefined) query.andWhere('version = :expectedVersion', { expectedVersion: change.expectedVersion });
    try {
      return (await query.execute()).affected === 1;
    } catch (error) {
      if (!isDuplicateKey(error, 'uq_applications_approved_pet')) throw error;
      throw new DomainError('CONFLICT', 'Another application for this pet is already approved.', { applicationId: change.id });
    }
  }

  async lockCompeting(tx: TransactionContext, petId: string, exceptId: string, statuses: readonly ApplicationStatus[]): Promise<CompetingApplication[]> {
    const rows: Array<{ id: string; applicant_id: string; applicant_name: string; assignee_id: string | null; status: ApplicationStatus }> =
      await tx.manager.query(
        `SELECT a.id, a.applicant_id, u.name AS applicant_name, a.assignee_id, a.status FROM applications a JOIN users u ON u.id = a.applicant_id
       WHERE a.pet_id = ? AND a.id <> ? AND a.status IN (?) ORDER BY a.submitted_at, a.id FOR UPDATE`,
        [petId, exceptId, statuses],
      );
    return rows.map((row) => ({
      id: row.id,
      applicantId: row.applicant_id,
      applicantName: row.applicant_name,
      assigneeId: row.assignee_id,
      status: row.status,
    }));
  }

  async changeLockedStatuses(tx: TransactionContext, ids: readonly string[], to: ApplicationStatus, reason: string): Promise<void> {
    if (ids.length === 0) return;
    await tx.manager.createQueryBuilder().update(ApplicationEntity).set(statusColumns(to, reason)).where('id IN (:...ids)', { ids }).execute();
  }

  async replaceAnswers(tx: TransactionContext, id: string, expectedVersion: number, answers: Record<string, unknown>): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ answers, version: () => 'version + 1', updatedAt: NOW } as QueryDeepPartialEntity<ApplicationEntity>)
      .where("id = :id AND version = :expectedVersion AND status = 'submitted'", { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  async assign(tx: TransactionContext, id: string, assigneeId: string | null, expectedVersion: number | undefined): Promise<boolean> {
    const query = tx.manager
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ assigneeId, version: () => 'version + 1', updatedAt: NOW })
      .where('id = :id', { id });
    if (expectedVersion !== undefined) query.andWhere('version = :expectedVersion', { expectedVersion });
    return (await query.execute()).affected === 1;
  }

  async appendHistory(tx: TransactionContext, entries: NewApplicationHistoryEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const ids = orderedIds(entries.length);
    await tx.manager.getRepository(ApplicationStatusHistoryEntity).insert(entries.map((entry, i) => ({ id: ids[i], ...entry })));
    return ids;
  }

  listHistory(applicationId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationStatusHistoryEntity[]> {
    const query = this.dataSource
      .getRepository(ApplicationStatusHistoryEntity)
      .createQueryBuilder('h')
      .where('h.application_id = :applicationId', { applicationId });
    if (after) query.andWhere('(h.created_at > :afterAt OR (h.created_at = :afterAt AND h.id > :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('h.created_at', 'ASC').addOrderBy('h.id', 'ASC').limit(limit).getMany();
  }

  countHistory(applicationId: string): Promise<number> {
    return this.dataSource.getRepository(ApplicationStatusHistoryEntity).countBy({ applicationId });
  }

  private filtered<T extends SelectQueryBuilder<ApplicationEntity>>(query: T, filter: ApplicationListFilter): T {
    const { scope } = filter;
    if (scope !== 'all') {
      query.andWhere(
        new Brackets((visible) => {
          visible.where('a.applicant_id = :me', { me: scope.userId }).orWhere('a.owner_user_id = :me');
          if (scope.rescueIds.length > 0) visible.orWhere('a.rescue_id IN (:...scopeRescueIds)', { scopeRescueIds: scope.rescueIds });
        }),
      );
    }
    if (filter.statuses?.length) query.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.petId) query.andWhere('a.pet_id = :petId', { petId: filter.petId });
    if (filter.rescueId) query.andWhere('a.rescue_id = :rescueId', { rescueId: filter.rescueId });
    if (filter.applicantId) query.andWhere('a.applicant_id = :applicantId', { applicantId: filter.applicantId });
    if (filter.assigneeId) query.andWhere('a.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.submittedAfter) query.andWhere('a.submitted_at >= :submittedAfter', { submittedAfter: filter.submittedAfter });
    if (filter.submittedBefore) query.andWhere('a.submitted_at < :submittedBefore', { submittedBefore: filter.submittedBefore });
    return query;
  }

  list(filter: ApplicationListFilter, after: SubmittedPosition | null, limit: number): Promise<ApplicationEntity[]> {
    const query = this.filtered(this.withSummaries(this.dataSource.manager).where('1 = 1'), filter);
    if (after) {
      query.andWhere('(a.submitted_at < :afterAt OR (a.submitted_at = :afterAt AND a.id < :afterId))', { afterAt: after.submittedAt, afterId: after.id });
    }
    return query.orderBy('a.submitted_at', 'DESC').addOrderBy('a.id', 'DESC').limit(limit).getMany();
  }

  count(filter: ApplicationListFilter): Promise<number> {
    return this.filtered(this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where('1 = 1'), filter).getCount();
  }
}
