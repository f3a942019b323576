// In-memory stand-ins for the pets services' collaborators, for unit tests (no database): same rules as the
// TypeORM repositories (conditional updates, optimistic versions, soft delete, keyset order).
import { NotFoundError, VersionConflictError } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { Availability, ListingStatus, RescueStatus, StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Role } from '@app/contracts';
import {
  isPubliclyVisible,
  type FavoriteRow,
  type MedicalRecordChanges,
  type MedicalRecordEntity,
  type MedicalRecordRow,
  MedicalRecordsRepository,
  type NewPetHistoryEntry,
  type NewMedicalRecord,
  type NewPet,
  type PetChanges,
  type PetEntity,
  type PetFans,
  type PetListFilter,
  type PetStatusChange,
  PetsRepository,
  type PetStatusHistoryEntity,
  type PetVisibilityScope,
  utcDate,
} from '@app/catalog';
import { PetRescueAccess, type RescueStanding } from '../../apps/api/src/modules/pets/rescue-access';
import { fakeId } from './users-fakes';

export { fakeId };

const newestFirst = (a: KeysetPosition, b: KeysetPosition) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
/** Whether `row` comes strictly after the cursor position in newest-first order. */
const follows = (row: KeysetPosition, after: KeysetPosition | null) => !after || newestFirst(after, row) < 0;

/** A clock that moves one millisecond per write, so "newest first" is predictable. */
let tick = Date.parse('2026-05-01T00:00:00.000Z');
const now = () => new Date(tick++);

export function petRow(overrides: Partial<PetEntity> = {}): PetEntity {
  const at = now();
  return Object.assign({} as PetEntity, {
    id: fakeId(),
    ownerType: 'individual',
    rescueId: null,
    ownerUserId: fakeId(),
    name: 'Biscuit',
    species: 'dog',
    primaryBreed: 'Beagle',
    secondaryBreed: null,
    mixedBreed: false,
    birthDate: null,
    estimatedAgeMonths: 24,
    birthDateEstimate: '2024-05-01',
    sex: 'male',
    size: 'medium',
    colour: '',
    coat: 'short',
    weightKg: null,
    description: 'A dog.',
    temperament: [],
    goodWithChildren: null,
    goodWithDogs: null,
    goodWithCats: null,
    houseTrained: false,
    specialNeeds: false,
    specialNeedsNotes: null,
    energyLevel: 'moderate',
    vaccinated: false,
    neutered: false,
    microchipped: false,
    adoptionFee: null,
    city: 'Leeds',
    region: 'West Yorkshire',
    postcode: 'LS1 1AA',
    latitude: null,
    longitude: null,
    geoCell: null,
    featured: false,
    intakeDate: null,
    listingStatus: 'draft' as ListingStatus,
    availability: 'available' as Availability,
    publishedAt: null,
    adoptedAt: null,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  });
}

/** Records the status changes PetAvailabilityChanges announced to a pet's fans. */
export class FakePetFans {
  announced: PetStatusChange[] = [];

  async announceStatusChange(_tx: TransactionContext, change: PetStatusChange): Promise<void> {
    this.announced.push(change);
  }

  asPetFans(): PetFans {
    return this as unknown as PetFans;
  }
}

export class InMemoryPetsRepository extends PetsRepository {
  pets = new Map<string, PetEntity>();
  history: PetStatusHistoryEntity[] = [];
  favorites: Array<{ userId: string; petId: string; createdAt: Date }> = [];
  /** Platform roles of users, changed through FakeRoleChanges.over(userRoles). */
  userRoles = new Map<string, Role>();

  add(...pets: PetEntity[]): this {
    for (const pet of pets) this.pets.set(pet.id, pet);
    return this;
  }

  async transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const snapshot = structuredClone({ pets: this.pets, history: this.history, favorites: this.favorites, userRoles: this.userRoles });
    try {
      return await work(fakeTx());
    } catch (error) {
      Object.assign(this, snapshot);
      throw error;
    }
  }

  async findById(id: string): Promise<PetEntity | null> {
    const pet = this.pets.get(id);
    return pet && pet.deletedAt === null ? structuredClone(pet) : null;
  }

  lockById(_tx: TransactionContext, id: string): Promise<PetEntity | null> {
    return this.findById(id);
  }

  /** Applications per pet, as the applications module would have them. */
  holding = new Map<string, { open: number; approved: number }>();
  async applicationsHolding(_tx: TransactionContext, id: string) {
    return this.holding.get(id) ?? { open: 0, approved: 0 };
  }

  async insert(_tx: TransactionContext, pet: NewPet): Promise<void> {
    this.add(petRow({ ...pet, listingStatus: 'draft', availability: 'available', publishedAt: null, adoptedAt: null, deletedAt: null, version: 1 }));
  }

  async update(_tx: TransactionContext, id: string, expectedVersion: number, changes: PetChanges): Promise<void> {
    const pet = this.pets.get(id);
    if (!pet) throw new NotFoundError('Pet', id);
    if (pet.version !== expectedVersion) throw new VersionConflictError('Pet', pet.version);
    Object.assign(pet, changes, { version: pet.version + 1, updatedAt: now() });
  }

  private conditional(id: string, expectedVersion: number, matches: (pet: PetEntity) => boolean, apply: (pet: PetEntity) => void): boolean {
    const pet = this.pets.get(id);
    if (!pet || pet.deletedAt !== null || pet.version !== expectedVersion || !matches(pet)) return false;
    apply(pet);
    Object.assign(pet, { version: pet.version + 1, updatedAt: now() });
    return true;
  }

  async changeListing(_tx: TransactionContext, id: string, expectedVersion: number, from: ListingStatus, to: ListingStatus): Promise<boolean> {
    return this.conditional(
      id,
      expectedVersion,
      (pet) => pet.listingStatus === from,
      (pet) => {
        pet.listingStatus = to;
        if (to === 'published') pet.publishedAt ??= now();
      },
    );
  }

  async changeAvailability(_tx: TransactionContext, id: string, expectedVersion: number, from: Availability, to: Availability): Promise<boolean> {
    return this.conditional(
      id,
      expectedVersion,
      (pet) => pet.availability === from,
      (pet) => {
        pet.availability = to;
        if (to === 'adopted') pet.adoptedAt = now();
        else if (from === 'adopted') pet.adoptedAt = null;
      },
    );
  }

  async softDelete(_tx: TransactionContext, id: string): Promise<boolean> {
    const pet = this.pets.get(id);
    if (!pet || pet.deletedAt !== null) return false;
    Object.assign(pet, { deletedAt: now(), version: pet.version + 1 });
    return true;
  }

  async appendHistory(_tx: TransactionContext, entries: NewPetHistoryEntry[]): Promise<void> {
    for (const entry of entries) this.history.push({ id: fakeId(), createdAt: now(), ...entry } as PetStatusHistoryEntity);
  }

  async listHistory(petId: string, after: KeysetPosition | null, limit: number): Promise<PetStatusHistoryEntity[]> {
    // Oldest first: strictly after the cursor means newer than it.
    return this.history.filter((h) => h.petId === petId && (!after || newestFirst(after, h) > 0)).slice(0, limit);
  }

  async countHistory(petId: string): Promise<number> {
    return this.history.filter((h) => h.petId === petId).length;
  }

  async addFavorite(userId: string, petId: string): Promise<void> {
    if (!this.favorites.some((f) => f.userId === userId && f.petId === petId)) this.favorites.push({ userId, petId, createdAt: now() });
  }

  async removeFavorite(userId: string, petId: string): Promise<void> {
    this.favorites = this.favorites.filter((f) => !(f.userId === userId && f.petId === petId));
  }

  async hasFavorite(userId: string, petId: string): Promise<boolean> {
    return this.favorites.some((f) => f.userId === userId && f.petId === petId);
  }

  private visibleFavorites(scope: PetVisibilityScope): FavoriteRow[] {
    return this.favorites
      .filter((f) => f.userId === scope.userId)
      .map((f) => ({ createdAt: f.createdAt, id: f.petId, pet: this.pets.get(f.petId)! }))
      .filter(({ pet }) => pet.deletedAt === null)
      .filter(
        ({ pet }) =>
          scope.moderator ||
          isPubliclyVisible(pet) ||
          pet.ownerUserId === scope.userId ||
          (pet.rescueId !== null && scope.memberRescueIds.includes(pet.rescueId)),
      )
      .sort(newestFirst);
  }

  async listFavorites(scope: PetVisibilityScope, after: KeysetPosition | null, limit: number): Promise<FavoriteRow[]> {
    return this.visibleFavorites(scope)
      .filter((row) => follows(row, after))
      .slice(0, limit);
  }

  async countFavorites(scope: PetVisibilityScope): Promise<number> {
    return this.visibleFavorites(scope).length;
  }

  private matching(filter: PetListFilter): PetEntity[] {
    return [...this.pets.values()]
      .filter((pet) => pet.deletedAt === null && pet.ownerType === filter.ownerType)
      .filter((pet) => filter.rescueId === undefined || pet.rescueId === filter.rescueId)
      .filter((pet) => filter.ownerUserId === undefined || pet.ownerUserId === filter.ownerUserId)
      .filter((pet) => filter.listingStatuses === undefined || filter.listingStatuses.includes(pet.listingStatus))
      .sort(newestFirst);
  }

  async listPets(filter: PetListFilter, after: KeysetPosition | null, limit: number): Promise<PetEntity[]> {
    return this.matching(filter)
      .filter((pet) => follows(pet, after))
      .slice(0, limit);
  }

  async countPets(filter: PetListFilter): Promise<number> {
    return this.matching(filter).length;
  }
}

export class InMemoryMedicalRecordsRepository extends MedicalRecordsRepository {
  records = new Map<string, MedicalRecordEntity>();

  async findById(id: string): Promise<MedicalRecordEntity | null> {
    return structuredClone(this.records.get(id) ?? null);
  }

  async insert(_tx: TransactionContext, record: NewMedicalRecord): Promise<void> {
    const at = now();
    this.records.set(record.id, { ...record, verifiedAt: null, verifiedBy: null, createdAt: at, updatedAt: at, version: 1 } as MedicalRecordEntity);
  }

  private versioned(id: string, expectedVersion: number, changes: Partial<MedicalRecordEntity>): void {
    const record = this.records.get(id);
    if (!record) throw new NotFoundError('MedicalRecord', id);
    if (record.version !== expectedVersion) throw new VersionConflictError('MedicalRecord', record.version);
    Object.assign(record, changes, { version: record.version + 1, updatedAt: now() });
  }

  async update(_tx: TransactionContext, id: string, expectedVersion: number, changes: MedicalRecordChanges): Promise<void> {
    this.versioned(id, expectedVersion, { ...changes, verifiedAt: null, verifiedBy: null });
  }

  async verify(_tx: TransactionContext, id: string, expectedVersion: number, verifiedBy: string): Promise<void> {
    this.versioned(id, expectedVersion, { verifiedAt: now(), verifiedBy });
  }

  async listForPet(petId: string, after: KeysetPosition | null, limit: number): Promise<MedicalRecordRow[]> {
    return [...this.records.values()]
      .filter((r) => r.petId === petId)
      .map((record) => ({ createdAt: utcDate(record.recordDate), id: record.id, record }))
      .sort(newestFirst)
      .filter((row) => follows(row, after))
      .slice(0, limit);
  }

  async countForPet(petId: string): Promise<number> {
    return [...this.records.values()].filter((r) => r.petId === petId).length;
  }
}

/** Rescues with their status and members. */
export class FakeRescues extends PetRescueAccess {
  rescues = new Map<string, { status: RescueStatus; staff: Map<string, StaffRole> }>();

  add(status: RescueStatus, staff: Record<string, StaffRole> = {}): string {
    const id = fakeId();
    this.rescues.set(id, { status, staff: new Map(Object.entries(staff)) });
    return id;
  }

  async standingOf(rescueId: string, userId: string | null): Promise<RescueStanding | null> {
    const rescue = this.rescues.get(rescueId);
    return rescue ? { status: rescue.status, staffRole: (userId && rescue.staff.get(userId)) || null } : null;
  }

  async lockStatus(_tx: TransactionContext, rescueId: string): Promise<RescueStatus | null> {
    return this.rescues.get(rescueId)?.status ?? null;
  }

  async memberRescueIds(userId: string): Promise<string[]> {
    return [...this.rescues.entries()].filter(([, r]) => r.staff.has(userId)).map(([id]) => id);
  }
}

export function fakeTx(): TransactionContext {
  return { manager: null as never, afterCommit: () => undefined };
}
