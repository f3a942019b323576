import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@app/contracts';
import { inTransaction, likeContains, updateWithVersion, type TransactionContext } from '@app/database';
import { UserEntity } from '@app/identity';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RescueEntity, type RescueSettings } from './rescue.entity';

/** A position in the rescue directory's (name, id) order. */
export interface NamePosition {
  name: string;
  id: string;
}

export interface RescueListFilter {
  /** Contained in the name or the description, taken literally (no wildcards). */
  text?: string;
  city?: string;
  region?: string;
  /** true: verified only; false: pending only (rejected rescues are never listed). */
  verified?: boolean;
}

export type NewRescue = Pick<RescueEntity, 'id' | 'name' | 'description' | 'email' | 'phone' | 'website' | 'city' | 'region' | 'postcode' | 'country'> & {
  settings: RescueSettings;
};

export type RescueChanges = Partial<
  Pick<
    RescueEntity,
    | 'name'
    | 'description'
    | 'email'
    | 'phone'
    | 'website'
    | 'city'
    | 'region'
    | 'postcode'
    | 'settings'
    | 'status'
    | 'verifiedAt'
    | 'rejectionReason'
    | 'deletedAt'
  >
>;

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerifiedAt: Date | null;
}

/**
 * What the rescue services need from storage for rescues themselves (and the platform role of their members);
 * the DI token, so services never touch TypeORM. Methods that take a `tx` run in the caller's transaction.
 * A soft-deleted rescue is never "active": every lookup here skips it.
 */
export abstract class RescuesRepository {
  /** Runs `work` in one transaction; its after-commit effects run once it commits. */
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;

  abstract findActive(id: string, tx?: TransactionContext): Promise<RescueEntity | null>;
  /** Reads the rescue and locks its row until the transaction ends, so a status check and its change cannot race. */
  abstract lockActive(tx: TransactionContext, id: string): Promise<RescueEntity | null>;
  /** The directory: neither rejected nor deleted, by (name, id) ascending, strictly after `after`. */
  abstract list(filter: RescueListFilter, after: NamePosition | null, limit: number): Promise<RescueEntity[]>;
  abstract count(filter: RescueListFilter): Promise<number>;
  abstract insert(tx: TransactionContext, rescue: NewRescue): Promise<void>;
  /** Optimistic update: VERSION_CONFLICT (with the current version) unless the row still has `expectedVersion`. */
  abstract update(tx: TransactionContext, id: string, expectedVersion: number, changes: RescueChanges): Promise<void>;

  abstract findAccount(userId: string, tx?: TransactionContext): Promise<AccountSummary | null>;
  abstract findAccountByEmail(email: string, tx?: TransactionContext): Promise<AccountSummary | null>;
}

const ACCOUNT_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.role', 'u.emailVerifiedAt'];

@Injectable()
export class TypeOrmRescuesRepository extends RescuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  findActive(id: string, tx?: TransactionContext): Promise<RescueEntity | null> {
    return this.manager(tx).getRepository(RescueEntity).createQueryBuilder('r').where('r.id = :id AND r.deleted_at IS NULL', { id }).getOne();
  }

  lockActive(tx: TransactionContext, id: string): Promise<RescueEntity | null> {
    return tx.manager
      .getRepository(RescueEntity)
      .createQueryBuilder('r')
      .where('r.id = :id AND r.deleted_at IS NULL', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  private filtered(filter: RescueListFilter): SelectQueryBuilder<RescueEntity> {
    const query = this.dataSource.getRepository(RescueEntity).createQueryBuilder('r').where("r.deleted_at IS NULL AND r.status <> 'rejected'");
    if (filter.text !== undefined) {
      query.andWhere("(r.name LIKE :text ESCAPE '!' OR r.description LIKE :text ESCAPE '!')", { text: likeContains(filter.text) });
    }
    if (filter.city !== undefined) query.andWhere('r.city = :city', { city: filter.city });
    if (filter.region !== undefined) query.andWhere('r.region = :region', { region: filter.region });
    if (filter.verified !== undefined) query.andWhere('r.status = :status', { status: filter.verified ? 'verified' : 'pending' });
    return query;
  }

  list(filter: RescueListFilter, after: NamePosition | null, limit: number): Promise<RescueEntity[]> {
    const query = this.filtered(filter);
    // The cursor comparison and the ORDER BY use the column's collation alike, so pages neither skip nor repeat.
    if (after) query.andWhere('(r.name > :afterName OR (r.name = :afterName AND r.id > :afterId))', { afterName: after.name, afterId: after.id });
    return query.orderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
  }

  count(filter: RescueListFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  async insert(tx: TransactionContext, rescue: NewRescue): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(RescueEntity)
      .values(rescue as QueryDeepPartialEntity<RescueEntity>)
      .execute();
  }

  async update(tx: TransactionContext, id: string, expectedVersion: number, changes: RescueChanges): Promise<void> {
    await updateWithVersion(tx.manager, {
      entity: RescueEntity,
      resource: 'Rescue',
      id,
      expectedVersion,
      changes: changes as QueryDeepPartialEntity<RescueEntity>,
    });
  }

  findAccount(userId: string, tx?: TransactionContext): Promise<AccountSummary | null> {
    return this.manager(tx).getRepository(UserEntity).createQueryBuilder('u').select(ACCOUNT_COLUMNS).where('u.id = :userId', { userId }).getOne();
  }

  findAccountByEmail(email: string, tx?: TransactionContext): Promise<AccountSummary | null> {
    return this.manager(tx).getRepository(UserEntity).createQueryBuilder('u').select(ACCOUNT_COLUMNS).where('u.email = :email', { email }).getOne();
  }
}
