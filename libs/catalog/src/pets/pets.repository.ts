import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { Availability, ListingStatus, PetHistoryKind, PetOwnerType } from '@app/contracts';
import { inTransaction, updateWithVersion, type TransactionContext } from '@app/database';
import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PetFavoriteEntity } from './pet-favorite.entity';
import { PetStatusHistoryEntity } from './pet-status-history.entity';
import { publiclyVisiblePetSql } from './pet-visibility';
import { PetEntity } from './pet.entity';

/** The fields of a pet its owner edits (PUT/PATCH); listing state, ownership and times change only through their own paths. */
export const EDITABLE_PET_FIELDS = [
  'name',
  'species',
  'primaryBreed',
  'secondaryBreed',
  'mixedBreed',
  'birthDate',
  'estimatedAgeMonths',
  'sex',
  'size',
  'colour',
  'coat',
  'weightKg',
  'description',
  'temperament',
  'goodWithChildren',
  'goodWithDogs',
  'goodWithCats',
  'houseTrained',
  'specialNeeds',
  'specialNeedsNotes',
  'energyLevel',
  'vaccinated',
  'neutered',
  'microchipped',
  'adoptionFee',
  'city',
  'region',
  'postcode',
  'latitude',
  'longitude',
  'featured',
  'intakeDate',
] as const satisfies ReadonlyArray<keyof PetEntity>;

/** Edited fields, and the columns derived from them (the birth date estimate, the search's geo cell). */
export type PetChanges = Partial<Pick<PetEntity, (typeof EDITABLE_PET_FIELDS)[number] | 'birthDateEstimate' | 'geoCell'>>;
export type NewPet = Omit<
  PetEntity,
  'createdAt' | 'updatedAt' | 'version' | 'listingStatus' | 'availability' | 'publishedAt' | 'adoptedAt' | 'deletedAt' | 'rescue' | 'ownerUser'
>;

export interface NewPetHistoryEntry {
  petId: string;
  kind: PetHistoryKind;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  reason: string | null;
}

/** Pets of one owner, newest first. */
export interface PetListFilter {
  ownerType: PetOwnerType;
  rescueId?: string;
  ownerUserId?: string;
  /** Only these listing states; undefined for every state. */
  listingStatuses?: ListingStatus[];
}

/** Which pets a signed-in user may see in a list (the SQL form of petAccessOf's `visible`). */
export interface PetVisibilityScope {
  userId: string;
  moderator: boolean;
  /** Rescues the user is a member of: they see every listing of these. */
  memberRescueIds: string[];
}

export interface FavoriteRow extends KeysetPosition {
  pet: PetEntity;
}

/**
 * What the pets services need from storage; the DI token, so services never touch TypeORM. Methods that take a
 * `tx` run inside the caller's transaction. Deleted pets are never returned.
 */
export abstract class PetsRepository {
  abstract transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;

  abstract findById(id: string, tx?: TransactionContext): Promise<PetEntity | null>;
  /**
   * Reads the pet and locks its row until `tx` ends: exclusively (an approval, a deletion) or shared (a submission,
   * which must not overlap an approval but may overlap other submissions).
   */
  abstract lockById(tx: TransactionContext, id: string, mode?: 'exclusive' | 'shared'): Promise<PetEntity | null>;
  /** How many applications for the pet are open, and how many approved (the adoption workflow holds the pet then). */
  abstract applicationsHolding(tx: TransactionContext, id: string): Promise<{ open: number; approved: number }>;
  abstract insert(tx: TransactionContext, pet: NewPet): Promise<void>;
  /** Optimistic update of editable fields: VERSION_CONFLICT (with the current version) unless the row still has `expectedVersion`. */
  abstract update(tx: TransactionContext, id: string, expectedVersion: number, changes: PetChanges): Promise<void>;
  /**
   * Moves the listing from `from` to `to` if the row still has `expectedVersion` and `from` (and is not deleted);
   * sets publishedAt on the first publication. false when nothing matched.
   */
  abstract changeListing(tx: TransactionContext, id: string, expectedVersion: number, from: ListingStatus, to: ListingStatus): Promise<boolean>;
  /** Same for availability; sets adoptedAt when it becomes adopted and clears it when it leaves adopted. */
  abstract changeAvailability(tx: TransactionContext, id: string, expectedVersion: number, from: Availability, to: Availability): Promise<boolean>;
  /** Soft delete; false when the pet was already deleted. */
  abstract softDelete(tx: TransactionContext, id: string): Promise<boolean>;

  /** Appends history entries in the given order. */
  abstract appendHistory(tx: TransactionContext, entries: NewPetHistoryEntry[]): Promise<void>;
  /** Oldest first (createdAt, then id, ascending), strictly after `after`. */
  abstract listHistory(petId: string, after: KeysetPosition | null, limit: number): Promise<PetStatusHistoryEntity[]>;
  abstract countHistory(petId: string): Promise<number>;

  abstract addFavorite(userId: string, petId: string): Promise<void>;
  abstract removeFavorite(userId: string, petId: string): Promise<void>;
  abstract hasFavorite(userId: string, petId: string): Promise<boolean>;
  /** The user's favourites they may still see, most recently favourited first; the position is (favourited at, pet id). */
  abstract listFavorites(scope: PetVisibilityScope, after: KeysetPosition | null, limit: number): Promise<FavoriteRow[]>;
  abstract countFavorites(scope: PetVisibilityScope): Promise<number>;

  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract listPets(filter: PetListFilter, after: KeysetPosition | null, limit: number): Promise<PetEntity[]>;
  abstract countPets(filter: PetListFilter): Promise<number>;
}

const NOW = () => 'CURRENT_TIMESTAMP(3)';

/** UUIDv7s are only ordered across milliseconds: sorting a batch keeps entries written together in order. */
function orderedIds(count: number): string[] {
  return Array.from({ length: count }, newId).sort();
}

@Injectable()
export class TypeOrmPetsRepository extends PetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  findById(id: string, tx?: TransactionContext): Promise<PetEntity | null> {
    return this.manager(tx).getRepository(PetEntity).createQueryBuilder('p').where('p.id = :id AND p.deleted_at IS NULL', { id }).getOne();
  }

  lockById(tx: TransactionContext, id: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<PetEntity | null> {
    return tx.manager
      .getRepository(PetEntity)
      .createQueryBuilder('p')
      .where('p.id = :id AND p.deleted_at IS NULL', { id })
      .setLock(mode === 'exclusive' ? 'pessimistic_write' : 'pessimistic_read')
      .getOne();
  }

  async applicationsHolding(tx: TransactionContext, id: string): Promise<{ open: number; approved: number }> {
    // Plain SQL: the applications module imports this one, not the other way round. Open = active_pet_id set.
    const [row]: Array<{ open: string | number; approved: string | number }> = await tx.manager.query(
      'SELECT COUNT(active_pet_id) AS open, COUNT(approved_pet_id) AS approved FROM applications WHERE pet_id = ?',
      [id],
    );
    return { open: Number(row.open), approved: Number(row.approved) };
  }

  async insert(tx: TransactionContext, pet: NewPet): Promise<void> {
    await tx.manager.getRepository(PetEntity).insert(pet as QueryDeepPartialEntity<PetEntity>);
  }

  async update(tx: TransactionContext, id: string, expectedVersion: number, changes: PetChanges): Promise<void> {
    await updateWithVersion(tx.manager, { entity: PetEntity, resource: 'Pet', id, expectedVersion, changes: changes as QueryDeepPartialEntity<PetEntity> });
  }

  async changeListing(tx: TransactionContext, id: string, expectedVersion: number, from: ListingStatus, to: ListingStatus): Promise<boolean> {
    const changes: QueryDeepPartialEntity<PetEntity> = { listingStatus: to, version: () => 'version + 1', updatedAt: NOW };
    if (to === 'published') changes.publishedAt = () => 'COALESCE(published_at, CURRENT_TIMESTAMP(3))';
    const result = await tx.manager
      .createQueryBuilder()
      .update(PetEntity)
      .set(changes)
      .where('id = :id AND version = :expectedVersion AND listing_status = :from AND deleted_at IS NULL', { id, expectedVersion, from })
      .execute();
    return result.affected === 1;
  }

  async changeAvailability(tx: TransactionContext, id: string, expectedVersion: number, from: Availability, to: Availability): Promise<boolean> {
    const changes: QueryDeepPartialEntity<PetEntity> = { availability: to, version: () => 'version + 1', updatedAt: NOW };
    if (to === 'adopted') changes.adoptedAt = NOW;
    else if (from === 'adopted') changes.adoptedAt = null;
    const result = await tx.manager
      .createQueryBuilder()
      .update(PetEntity)
      .set(changes)
      .where('id = :id AND version = :expectedVersion AND availability = :from AND deleted_at IS NULL', { id, expectedVersion, from })
      .execute();
    return result.affected === 1;
  }

  async softDelete(tx: TransactionContext, id: string): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(PetEntity)
      .set({ deletedAt: NOW, version: () => 'version + 1', updatedAt: NOW })
      .where('id = :id AND deleted_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  async appendHistory(tx: TransactionContext, entries: NewPetHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const ids = orderedIds(entries.length);
    await tx.manager.getRepository(PetStatusHistoryEntity).insert(entries.map((entry, i) => ({ id: ids[i], ...entry })));
  }

  listHistory(petId: string, after: KeysetPosition | null, limit: number): Promise<PetStatusHistoryEntity[]> {
    const query = this.dataSource.getRepository(PetStatusHistoryEntity).createQueryBuilder('h').where('h.pet_id = :petId', { petId });
    if (after) query.andWhere('(h.created_at > :afterAt OR (h.created_at = :afterAt AND h.id > :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('h.created_at', 'ASC').addOrderBy('h.id', 'ASC').limit(limit).getMany();
  }

  countHistory(petId: string): Promise<number> {
    return this.dataSource.getRepository(PetStatusHistoryEntity).countBy({ petId });
  }

  async addFavorite(userId: string, petId: string): Promise<void> {
    // A repeated favourite keeps its first time, so "most recently favourited" does not move on a retry.
    await this.dataSource.query('INSERT INTO pet_favorites (user_id, pet_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE user_id = user_id', [userId, petId]);
  }

  async removeFavorite(userId: string, petId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM pet_favorites WHERE user_id = ? AND pet_id = ?', [userId, petId]);
  }

  async hasFavorite(userId: string, petId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(PetFavoriteEntity).countBy({ userId, petId })) > 0;
  }

  private favorites(scope: PetVisibilityScope): SelectQueryBuilder<PetFavoriteEntity> {
    const query = this.dataSource
      .getRepository(PetFavoriteEntity)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.pet', 'p')
      .where('f.user_id = :userId AND p.deleted_at IS NULL', { userId: scope.userId });
    if (!scope.moderator) {
      query.andWhere(
        new Brackets((visible) => {
          visible.where(publiclyVisiblePetSql('p')).orWhere('p.owner_user_id = :userId', { userId: scope.userId });
          if (scope.memberRescueIds.length) visible.orWhere('p.rescue_id IN (:...memberRescueIds)', { memberRescueIds: scope.memberRescueIds });
        }),
      );
    }
    return query;
  }

  async listFavorites(scope: PetVisibilityScope, after: KeysetPosition | null, limit: number): Promise<FavoriteRow[]> {
    const query = this.favorites(scope);
    if (after)
      query.andWhere('(f.created_at < :afterAt OR (f.created_at = :afterAt AND f.pet_id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    const rows = await query.orderBy('f.created_at', 'DESC').addOrderBy('f.pet_id', 'DESC').limit(limit).getMany();
    return rows.map((row) => ({ createdAt: row.createdAt, id: row.petId, pet: row.pet! }));
  }

  countFavorites(scope: PetVisibilityScope): Promise<number> {
    return this.favorites(scope).getCount();
  }

  private pets(filter: PetListFilter): SelectQueryBuilder<PetEntity> {
    const query = this.dataSource
      .getRepository(PetEntity)
      .createQueryBuilder('p')
      .where('p.owner_type = :ownerType AND p.deleted_at IS NULL', { ownerType: filter.ownerType });
    if (filter.rescueId !== undefined) query.andWhere('p.rescue_id = :rescueId', { rescueId: filter.rescueId });
    if (filter.ownerUserId !== undefined) query.andWhere('p.owner_user_id = :ownerUserId', { ownerUserId: filter.ownerUserId });
    if (filter.listingStatuses !== undefined) {
      if (filter.listingStatuses.length === 0) query.andWhere('1 = 0');
      else query.andWhere('p.listing_status IN (:...listingStatuses)', { listingStatuses: filter.listingStatuses });
    }
    return query;
  }

  listPets(filter: PetListFilter, after: KeysetPosition | null, limit: number): Promise<PetEntity[]> {
    const query = this.pets(filter);
    if (after) query.andWhere('(p.created_at < :afterAt OR (p.created_at = :afterAt AND p.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getMany();
  }

  countPets(filter: PetListFilter): Promise<number> {
    return this.pets(filter).getCount();
  }
}
