import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { updateWithVersion, type TransactionContext } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MedicalRecordEntity } from './medical-record.entity';
import { utcDate } from './pet.entity';

export type NewMedicalRecord = Pick<MedicalRecordEntity, 'id' | 'petId' | 'type' | 'recordDate' | 'title' | 'vetName' | 'clinic' | 'notes' | 'createdBy'>;
export type MedicalRecordChanges = Partial<Pick<MedicalRecordEntity, 'type' | 'recordDate' | 'title' | 'vetName' | 'clinic' | 'notes'>>;

/** A record in a page; its position is (record date, id), newest first. */
export interface MedicalRecordRow extends KeysetPosition {
  record: MedicalRecordEntity;
}

export abstract class MedicalRecordsRepository {
  abstract findById(id: string, tx?: TransactionContext): Promise<MedicalRecordEntity | null>;
  abstract insert(tx: TransactionContext, record: NewMedicalRecord): Promise<void>;
  /** Optimistic update that also clears the verification: a changed record is no longer what an admin verified. */
  abstract update(tx: TransactionContext, id: string, expectedVersion: number, changes: MedicalRecordChanges): Promise<void>;
  /** Marks the record verified if it still has `expectedVersion` (the version the admin saw). */
  abstract verify(tx: TransactionContext, id: string, expectedVersion: number, verifiedBy: string): Promise<void>;
  /** Newest record date first, then id descending, strictly after `after`. */
  abstract listForPet(petId: string, after: KeysetPosition | null, limit: number): Promise<MedicalRecordRow[]>;
  abstract countForPet(petId: string): Promise<number>;
}

@Injectable()
export class TypeOrmMedicalRecordsRepository extends MedicalRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  findById(id: string, tx?: TransactionContext): Promise<MedicalRecordEntity | null> {
    return this.manager(tx).getRepository(MedicalRecordEntity).findOneBy({ id });
  }

  async insert(tx: TransactionContext, record: NewMedicalRecord): Promise<void> {
    await tx.manager.getRepository(MedicalRecordEntity).insert(record);
  }

  async update(tx: TransactionContext, id: string, expectedVersion: number, changes: MedicalRecordChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: MedicalRecordEntity,
      resource: 'MedicalRecord',
      id,
      expectedVersion,
      changes: { ...changes, verifiedAt: null, verifiedBy: null } as QueryDeepPartialEntity<MedicalRecordEntity>,
    });
  }

  async verify(tx: TransactionContext, id: string, expectedVersion: number, verifiedBy: string): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: MedicalRecordEntity,
      resource: 'MedicalRecord',
      id,
      expectedVersion,
      changes: { verifiedAt: () => 'CURRENT_TIMESTAMP(3)', verifiedBy } as QueryDeepPartialEntity<MedicalRecordEntity>,
    });
  }

  async listForPet(petId: string, after: KeysetPosition | null, limit: number): Promise<MedicalRecordRow[]> {
    const query = this.dataSource.getRepository(MedicalRecordEntity).createQueryBuilder('m').where('m.pet_id = :petId', { petId });
    if (after) {
      const afterDate = after.createdAt.toISOString().slice(0, 10);
      query.andWhere('(m.record_date < :afterDate OR (m.record_date = :afterDate AND m.id < :afterId))', { afterDate, afterId: after.id });
    }
    const records = await query.orderBy('m.record_date', 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getMany();
    return records.map((record) => ({ createdAt: utcDate(record.recordDate), id: record.id, record }));
  }

  countForPet(petId: string): Promise<number> {
    return this.dataSource.getRepository(MedicalRecordEntity).countBy({ petId });
  }
}
