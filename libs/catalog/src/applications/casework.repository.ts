import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { ApplicationReferenceInputDto } from '@app/contracts';
import { updateWithVersion, type TransactionContext } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApplicationReferenceEntity } from './application-reference.entity';
import { HomeVisitEntity } from './home-visit.entity';

export type ReferenceChanges = Partial<Pick<ApplicationReferenceEntity, 'status' | 'notes' | 'contactedAt' | 'verifiedAt' | 'updatedBy'>>;
export type HomeVisitChanges = Partial<Pick<HomeVisitEntity, 'scheduledAt' | 'outcome' | 'notes' | 'recordedAt' | 'recordedBy'>>;
export type NewHomeVisit = Pick<HomeVisitEntity, 'id' | 'applicationId' | 'scheduledAt' | 'notes' | 'scheduledBy'>;

/** The owner side's casework on an application: its references and home visits. */
export abstract class CaseworkRepository {
  /** Replaces the application's references with `references`, in that order (all pending again). */
  abstract replaceReferences(tx: TransactionContext, applicationId: string, references: readonly ApplicationReferenceInputDto[]): Promise<void>;
  /** In the order the applicant gave them. */
  abstract listReferences(applicationId: string, tx?: TransactionContext): Promise<ApplicationReferenceEntity[]>;
  abstract findReference(applicationId: string, referenceId: string, tx?: TransactionContext): Promise<ApplicationReferenceEntity | null>;
  /** Optimistic: VERSION_CONFLICT (with the current version) unless the reference still has `expectedVersion`. */
  abstract updateReference(tx: TransactionContext, referenceId: string, expectedVersion: number, changes: ReferenceChanges): Promise<void>;

  abstract insertHomeVisit(tx: TransactionContext, visit: NewHomeVisit): Promise<void>;
  /** Oldest appointment first. */
  abstract listHomeVisits(applicationId: string, tx?: TransactionContext): Promise<HomeVisitEntity[]>;
  abstract findHomeVisit(applicationId: string, visitId: string, tx?: TransactionContext): Promise<HomeVisitEntity | null>;
  /** Optimistic, as updateReference. */
  abstract updateHomeVisit(tx: TransactionContext, visitId: string, expectedVersion: number, changes: HomeVisitChanges): Promise<void>;
  /** Visits still scheduled for these applications become cancelled (the applications closed). */
  abstract cancelScheduledVisits(tx: TransactionContext, applicationIds: readonly string[], by: string | null): Promise<void>;
}

@Injectable()
export class TypeOrmCaseworkRepository extends CaseworkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async replaceReferences(tx: TransactionContext, applicationId: string, references: readonly ApplicationReferenceInputDto[]): Promise<void> {
    const repository = tx.manager.getRepository(ApplicationReferenceEntity);
    await repository.delete({ applicationId });
    if (references.length === 0) return;
    await repository.insert(
      references.map((reference, position) => ({
        id: newId(),
        applicationId,
        position,
        name: reference.name,
        relationship: reference.relationship,
        email: reference.email ?? null,
        phone: reference.phone ?? null,
      })),
    );
  }

  listReferences(applicationId: string, tx?: TransactionContext): Promise<ApplicationReferenceEntity[]> {
    return this.manager(tx)
      .getRepository(ApplicationReferenceEntity)
      .find({ where: { applicationId }, order: { position: 'ASC' } });
  }

  findReference(applicationId: string, referenceId: string, tx?: TransactionContext): Promise<ApplicationReferenceEntity | null> {
    return this.manager(tx).getRepository(ApplicationReferenceEntity).findOneBy({ id: referenceId, applicationId });
  }

  async updateReference(tx: TransactionContext, referenceId: string, expectedVersion: number, changes: ReferenceChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: ApplicationReferenceEntity,
      resource: 'Reference',
      id: referenceId,
      expectedVersion,
      changes: changes as QueryDeepPartialEntity<ApplicationReferenceEntity>,
    });
  }

  async insertHomeVisit(tx: TransactionContext, visit: NewHomeVisit): Promise<void> {
    await tx.manager.getRepository(HomeVisitEntity).insert(visit);
  }

  listHomeVisits(applicationId: string, tx?: TransactionContext): Promise<HomeVisitEntity[]> {
    return this.manager(tx)
      .getRepository(HomeVisitEntity)
      .find({ where: { applicationId }, order: { scheduledAt: 'ASC', id: 'ASC' } });
  }

  findHomeVisit(applicationId: string, visitId: string, tx?: TransactionContext): Promise<HomeVisitEntity | null> {
    return this.manager(tx).getRepository(HomeVisitEntity).findOneBy({ id: visitId, applicationId });
  }

  async updateHomeVisit(tx: TransactionContext, visitId: string, expectedVersion: number, changes: HomeVisitChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: HomeVisitEntity,
      resource: 'Home visit',
      id: visitId,
      expectedVersion,
      changes: changes as QueryDeepPartialEntity<HomeVisitEntity>,
    });
  }

  async cancelScheduledVisits(tx: TransactionContext, applicationIds: readonly string[], by: string | null): Promise<void> {
    if (applicationIds.length === 0) return;
    await tx.manager
      .createQueryBuilder()
      .update(HomeVisitEntity)
      .set({
        outcome: 'cancelled',
        recordedAt: () => 'CURRENT_TIMESTAMP(3)',
        recordedBy: by,
        version: () => 'version + 1',
        updatedAt: () => 'CURRENT_TIMESTAMP(3)',
      })
      .where("application_id IN (:...applicationIds) AND outcome = 'scheduled'", { applicationIds })
      .execute();
  }
}
