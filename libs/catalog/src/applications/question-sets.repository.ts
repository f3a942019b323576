import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, isDuplicateKey, type TransactionContext } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { QuestionSetEntity } from './question-set.entity';

export type NewQuestionSet = Pick<QuestionSetEntity, 'id' | 'rescueId' | 'version' | 'questions' | 'createdBy'>;

/** Application forms; versions are inserted, never updated. */
export abstract class QuestionSetsRepository {
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;
  /** The newest version of a rescue's form (rescueId null: the core library's); null when the rescue has none. */
  abstract current(rescueId: string | null, tx?: TransactionContext): Promise<QuestionSetEntity | null>;
  abstract findById(id: string, tx?: TransactionContext): Promise<QuestionSetEntity | null>;
  /** false when that version of the rescue's form exists already (a concurrent save won). */
  abstract insert(tx: TransactionContext, set: NewQuestionSet): Promise<boolean>;
}

@Injectable()
export class TypeOrmQuestionSetsRepository extends QuestionSetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  current(rescueId: string | null, tx?: TransactionContext): Promise<QuestionSetEntity | null> {
    const query = this.manager(tx).getRepository(QuestionSetEntity).createQueryBuilder('s');
    if (rescueId === null) query.where('s.rescue_id IS NULL');
    else query.where('s.rescue_id = :rescueId', { rescueId });
    return query.orderBy('s.version', 'DESC').limit(1).getOne();
  }

  findById(id: string, tx?: TransactionContext): Promise<QuestionSetEntity | null> {
    return this.manager(tx).getRepository(QuestionSetEntity).findOneBy({ id });
  }

  async insert(tx: TransactionContext, set: NewQuestionSet): Promise<boolean> {
    try {
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(QuestionSetEntity)
        .values(set as QueryDeepPartialEntity<QuestionSetEntity>)
        .updateEntity(false)
        .execute();
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
