import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { inTransaction, isDuplicateKey, updateWithVersion, type TransactionContext } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApplicationDraftEntity } from './application-draft.entity';

export type NewDraft = Pick<ApplicationDraftEntity, 'id' | 'applicantId' | 'petId' | 'answers' | 'references'>;
export type DraftChanges = Partial<Pick<ApplicationDraftEntity, 'answers' | 'references'>>;

/** Application drafts: one per applicant and pet, only their author's. */
export abstract class ApplicationDraftsRepository {
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;
  abstract findById(id: string, tx?: TransactionContext): Promise<ApplicationDraftEntity | null>;
  /** CONFLICT (with details.draftId) when the applicant has a draft for the pet already. */
  abstract insert(tx: TransactionContext, draft: NewDraft): Promise<void>;
  /** Optimistic: VERSION_CONFLICT (with the current version) unless the draft still has `expectedVersion`. */
  abstract update(tx: TransactionContext, id: string, expectedVersion: number, changes: DraftChanges): Promise<void>;
  /** false when there was no such draft. */
  abstract delete(id: string): Promise<boolean>;
  /** Discards the applicant's draft for the pet, if any (it became an application). */
  abstract deleteFor(tx: TransactionContext, applicantId: string, petId: string): Promise<void>;
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(applicantId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationDraftEntity[]>;
  abstract count(applicantId: string): Promise<number>;
}

@Injectable()
export class TypeOrmApplicationDraftsRepository extends ApplicationDraftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  findById(id: string, tx?: TransactionContext): Promise<ApplicationDraftEntity | null> {
    return this.manager(tx).getRepository(ApplicationDraftEntity).findOneBy({ id });
  }

  async insert(tx: TransactionContext, draft: NewDraft): Promise<void> {
    try {
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(ApplicationDraftEntity)
        .values(draft as QueryDeepPartialEntity<ApplicationDraftEntity>)
        .updateEntity(false)
        .execute();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await tx.manager.getRepository(ApplicationDraftEntity).findOneBy({ applicantId: draft.applicantId, petId: draft.petId });
      throw new DomainError('CONFLICT', 'You already have a draft for this pet; continue that one.', { draftId: existing?.id ?? null, petId: draft.petId });
    }
  }

  async update(tx: TransactionContext, id: string, expectedVersion: number, changes: DraftChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: ApplicationDraftEntity,
      resource: 'Draft',
      id,
      expectedVersion,
      changes: changes as QueryDeepPartialEntity<ApplicationDraftEntity>,
    });
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.dataSource.getRepository(ApplicationDraftEntity).delete({ id })).affected ?? 0) > 0;
  }

  async deleteFor(tx: TransactionContext, applicantId: string, petId: string): Promise<void> {
    await tx.manager.getRepository(ApplicationDraftEntity).delete({ applicantId, petId });
  }

  list(applicantId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationDraftEntity[]> {
    const query = this.dataSource.getRepository(ApplicationDraftEntity).createQueryBuilder('d').where('d.applicant_id = :applicantId', { applicantId });
    if (after) query.andWhere('(d.created_at < :afterAt OR (d.created_at = :afterAt AND d.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').limit(limit).getMany();
  }

  count(applicantId: string): Promise<number> {
    return this.dataSource.getRepository(ApplicationDraftEntity).countBy({ applicantId });
  }
}
