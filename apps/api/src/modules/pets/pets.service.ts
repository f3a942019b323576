import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError, ValidationFailedError, VersionConflictError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type {
  AvailabilityChangeRequestDto,
  CreatePetRequestDto,
  GetPetHistoryQuery,
  ListingActionRequestDto,
  PetDto,
  PetHistoryPageDto,
  ReplacePetRequestDto,
  UpdatePetRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { RoleChanges } from '../auth/role-changes.service';
import { geoCellOf } from '../pet-search/geo-cell';
import { birthDateEstimateOf } from './age-group';
import { PET_MANAGING_STAFF_ROLES, PetAccessPolicy, petNotFound } from './pet-access';
import {
  EDITABLE_PET_FIELDS,
  type ListingActor,
  listingTransitionOf,
  type NewPet,
  PetAvailabilityChanges,
  type PetChanges,
  type PetEntity,
  PetsRepository,
} from '@app/catalog';
import { toPetDto, toPetHistoryEntryDto } from './pet.mapper';
import { PetRescueAccess } from './rescue-access';

type Owner = Pick<PetEntity, 'ownerType' | 'rescueId' | 'ownerUserId'>;
type PetFields = Omit<ReplacePetRequestDto, 'expectedVersion'>;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The columns a (partial) set of request fields changes; `location` is one object in the API and five columns here. */
function changesOf(fields: Partial<PetFields>): PetChanges {
  const changes: PetChanges = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'location') {
      const location = value as PetFields['location'];
      Object.assign(changes, {
        city: location.city,
        region: location.region,
        postcode: location.postcode,
        latitude: location.latitude,
        longitude: location.longitude,
      });
    } else if ((EDITABLE_PET_FIELDS as readonly string[]).includes(key)) {
      Object.assign(changes, { [key]: value });
    }
  }
  return changes;
}

function assertBirthDateNotInFuture(birthDate: string | null | undefined, today: Date): void {
  if (birthDate && birthDate > isoDate(today)) {
    throw new ValidationFailedError([{ field: 'birthDate', constraints: { notInFuture: 'birthDate must not be in the future' } }]);
  }
}

/**
 * Pet listings as records and their two state machines. Every rule and access check is here; every change is
 * one transaction with its history rows and audit entries.
 */
@Injectable()
export class PetsService {
  constructor(
    private readonly pets: PetsRepository,
    private readonly access: PetAccessPolicy,
    private readonly rescues: PetRescueAccess,
    private readonly audit: AuditService,
    private readonly availability: PetAvailabilityChanges,
    private readonly roleChanges: RoleChanges,
  ) {}

  /**
   * With `rescueId`, the caller lists for that rescue and must be one of its admins or staff; without, they list
   * their own pet as an individual rehomer (an adopter's platform role becomes rehomer).
   */
  async create(tx: TransactionContext, caller: Principal, body: CreatePetRequestDto): Promise<PetDto> {
    const today = new Date();
    assertBirthDateNotInFuture(body.birthDate, today);
    const owner = await this.ownerFor(caller, body.rescueId ?? null, tx);
    return this.createIn(tx, caller, owner, body, today);
  }

  private async ownerFor(caller: Principal, rescueId: string | null, tx: TransactionContext): Promise<Owner> {
    if (rescueId === null) return { ownerType: 'individual', rescueId: null, ownerUserId: caller.userId };
    const standing = await this.rescues.standingOf(rescueId, caller.userId, tx);
    if (!standing) throw new NotFoundError('Rescue', rescueId);
    if (standing.staffRole === null || !PET_MANAGING_STAFF_ROLES.includes(standing.staffRole)) {
      throw new DomainError('FORBIDDEN', "Only the rescue's admins and staff list pets for it.", { rescueId });
    }
    return { ownerType: 'rescue', rescueId, ownerUserId: null };
  }

  private async createIn(tx: TransactionContext, caller: Principal, owner: Owner, body: CreatePetRequestDto, today: Date): Promise<PetDto> {
    const pet: NewPet = {
      id: newId(),
      ...owner,
      name: body.name,
      species: body.species,
      primaryBreed: body.primaryBreed,
      secondaryBreed: body.secondaryBreed ?? null,
      mixedBreed: body.mixedBreed ?? false,
      birthDate: body.birthDate ?? null,
      estimatedAgeMonths: body.estimatedAgeMonths ?? null,
      birthDateEstimate: isoDate(birthDateEstimateOf(body.birthDate, body.estimatedAgeMonths, today)),
      sex: body.sex,
      size: body.size,
      colour: body.colour ?? '',
      coat: body.coat ?? 'short',
      weightKg: body.weightKg ?? null,
      description: body.description,
      temperament: body.temperament ?? [],
      goodWithChildren: body.goodWithChildren ?? null,
      goodWithDogs: body.goodWithDogs ?? null,
      goodWithCats: body.goodWithCats ?? null,
      houseTrained: body.houseTrained ?? false,
      specialNeeds: body.specialNeeds ?? false,
      specialNeedsNotes: body.specialNeedsNotes ?? null,
      energyLevel: body.energyLevel ?? 'moderate',
      vaccinated: body.vaccinated ?? false,
      neutered: body.neutered ?? false,
      microchipped: body.microchipped ?? false,
      adoptionFee: body.adoptionFee ?? null,
      city: body.location.city,
      region: body.location.region,
      postcode: body.location.postcode,
      latitude: body.location.latitude,
      longitude: body.location.longitude,
      geoCell: geoCellOf(body.location.latitude, body.location.longitude),
      featured: body.featured ?? false,
      intakeDate: body.intakeDate ?? null,
    };
    await this.pets.insert(tx, pet);
    await this.pets.appendHistory(tx, [
      { petId: pet.id, kind: 'listing', fromStatus: null, toStatus: 'draft', actorId: caller.userId, reason: null },
      { petId: pet.id, kind: 'availability', fromStatus: null, toStatus: 'available', actorId: caller.userId, reason: null },
    ]);
    await this.audit.record(tx, { action: 'pet.created', targetType: 'pet', targetId: pet.id, after: { ...owner, listingStatus: 'draft' } });
    if (owner.ownerType === 'individual') {
      // Only an adopter becomes a rehomer; every other role is kept.
      await this.roleChanges.change(tx, { userId: caller.userId, from: 'adopter', to: 'rehomer', context: { reason: 'listed a pet' } });
    }
    return toPetDto(await this.reload(tx, pet.id), today);
  }

  async get(caller: Principal | null, petId: string): Promise<PetDto> {
    const pet = await this.pets.findById(petId);
    if (!pet) throw petNotFound(petId);
    await this.access.assertVisible(pet, caller);
    return toPetDto(pet);
  }

  /** PATCH: only the fields present change; `null` clears an optional one. */
  update(caller: Principal, petId: string, body: UpdatePetRequestDto): Promise<PetDto> {
    const { expectedVersion, ...fields } = body;
    return this.edit(caller, petId, expectedVersion, fields);
  }

  /** PUT: every editable field is replaced. */
  replace(caller: Principal, petId: string, body: ReplacePetRequestDto): Promise<PetDto> {
    const { expectedVersion, ...fields } = body;
    return this.edit(caller, petId, expectedVersion, fields);
  }

  private edit(caller: Principal, petId: string, expectedVersion: number, fields: Partial<PetFields>): Promise<PetDto> {
    const today = new Date();
    assertBirthDateNotInFuture(fields.birthDate, today);
    return this.pets.transaction(async (tx) => {
      const pet = await this.pets.findById(petId, tx);
      if (!pet) throw petNotFound(petId);
      await this.access.assertOwner(pet, caller, tx);
      const changes = changesOf(fields);
      const birthDateEstimate = this.birthDateEstimateAfter(pet, changes, today);
      if (birthDateEstimate !== pet.birthDateEstimate) changes.birthDateEstimate = birthDateEstimate;
      const geoCell = geoCellOf(
        changes.latitude !== undefined ? changes.latitude : pet.latitude,
        changes.longitude !== undefined ? changes.longitude : pet.longitude,
      );
      if (geoCell !== pet.geoCell) changes.geoCell = geoCell;
      const changed = (Object.keys(changes) as Array<keyof PetChanges>).filter((key) => JSON.stringify(changes[key]) !== JSON.stringify(pet[key]));
      if (changed.length === 0) {
        if (pet.version !== expectedVersion) throw new VersionConflictError('Pet', pet.version);
        return toPetDto(pet, today);
      }
      await this.pets.update(tx, petId, expectedVersion, changes);
      // Field names, not values: the audit log is no place for descriptions and addresses.
      await this.audit.record(tx, {
        action: 'pet.updated',
        targetType: 'pet',
        targetId: petId,
        before: { version: expectedVersion },
        after: { version: expectedVersion + 1, fields: changed },
      });
      return toPetDto(await this.reload(tx, petId), today);
    });
  }

  /**
   * The stored birth date estimate after a change. A new estimated age counts from today; a birth date removed
   * while the estimated age stays counts that age from when the pet was listed (when it was most likely given).
   * Unchanged birth date and age keep the estimate, so a PUT of what was read does not move the pet's age.
   */
  private birthDateEstimateAfter(pet: PetEntity, changes: PetChanges, today: Date): string {
    const birthDate = changes.birthDate !== undefined ? changes.birthDate : pet.birthDate;
    const months = changes.estimatedAgeMonths !== undefined ? changes.estimatedAgeMonths : pet.estimatedAgeMonths;
    if (birthDate === pet.birthDate && months === pet.estimatedAgeMonths) return pet.birthDateEstimate;
    const anchor = months !== pet.estimatedAgeMonths ? today : pet.createdAt;
    return isoDate(birthDateEstimateOf(birthDate, months, anchor));
  }

  /** Soft delete, by the owner side or a moderator: the pet answers 404 everywhere afterwards. */
  async remove(caller: Principal, petId: string): Promise<void> {
    await this.pets.transaction(async (tx) => {
      // Locked: a submission (which holds the pet shared) cannot slip in between the count and the deletion.
      const pet = await this.pets.lockById(tx, petId);
      if (!pet) throw petNotFound(petId);
      await this.access.assertOwner(pet, caller, tx, { moderators: true });
      const { open } = await this.pets.applicationsHolding(tx, petId);
      if (open > 0) {
        throw new DomainError('CONFLICT', 'This pet has open adoption applications: close them first (or retire the listing instead).', {
          petId,
          openApplications: open,
        });
      }
      if (!(await this.pets.softDelete(tx, petId))) throw petNotFound(petId);
      await this.audit.record(tx, {
        action: 'pet.deleted',
        targetType: 'pet',
        targetId: petId,
        before: { listingStatus: pet.listingStatus, availability: pet.availability, version: pet.version },
      });
    });
  }

  /** One step of the listing state machine (see pet-lifecycle.ts): checked, applied atomically, recorded and audited. */
  changeListing(caller: Principal, petId: string, body: ListingActionRequestDto): Promise<PetDto> {
    return this.pets.transaction(async (tx) => {
      const pet = await this.pets.findById(petId, tx);
      if (!pet) throw petNotFound(petId);
      const access = await this.access.assertVisible(pet, caller, tx);
      if (!access.owner && !access.moderator) {
        throw new DomainError('FORBIDDEN', 'Only the owner of this listing or a moderator can change its status.', { petId });
      }
      if (pet.version !== body.expectedVersion) throw new VersionConflictError('Pet', pet.version);
      const transition = listingTransitionOf(pet.ownerType, pet.listingStatus, body.action);
      const actors: ListingActor[] = [...(access.owner ? ['owner' as const] : []), ...(access.moderator ? ['moderator' as const] : [])];
      if (!transition.actors.some((actor) => actors.includes(actor))) {
        const who = transition.actors.includes('moderator') ? 'a moderator' : 'the owner of this listing';
        throw new DomainError('FORBIDDEN', `Only ${who} can ${body.action} a ${pet.listingStatus} listing.`, { from: pet.listingStatus, action: body.action });
      }
      if (transition.needsVerifiedRescue) {
        const rescueStatus = pet.rescueId !== null ? await this.rescues.lockStatus(tx, pet.rescueId) : null;
        if (rescueStatus !== 'verified') {
          throw new DomainError('FORBIDDEN', 'Only a verified rescue publishes its listings; a platform admin verifies the rescue first.', {
            rescueId: pet.rescueId,
            rescueStatus,
          });
        }
      }
      const reason = body.reason?.trim() || null;
      if (transition.reasonRequired && reason === null) {
        throw new ValidationFailedError([{ field: 'reason', constraints: { required: `a reason is required to ${body.action} a listing` } }]);
      }
      if (!(await this.pets.changeListing(tx, petId, body.expectedVersion, transition.from, transition.to))) {
        throw await this.conflictAfterLostRace(tx, petId);
      }
      await this.pets.appendHistory(tx, [{ petId, kind: 'listing', fromStatus: transition.from, toStatus: transition.to, actorId: caller.userId, reason }]);
      await this.audit.record(tx, {
        action: 'pet.listing_changed',
        targetType: 'pet',
        targetId: petId,
        before: { listingStatus: transition.from },
        after: { listingStatus: transition.to, action: body.action, reason, by: actors.includes('owner') ? 'owner' : 'moderator' },
      });
      return toPetDto(await this.reload(tx, petId));
    });
  }

  /** Availability is the owner side's to change, in any listing state; every change is recorded. */
  changeAvailability(caller: Principal, petId: string, body: AvailabilityChangeRequestDto): Promise<PetDto> {
    return this.pets.transaction(async (tx) => {
      const pet = await this.pets.findById(petId, tx);
      if (!pet) throw petNotFound(petId);
      await this.access.assertOwner(pet, caller, tx);
      if (pet.version !== body.expectedVersion) throw new VersionConflictError('Pet', pet.version);
      // An approval commits with a new pet version, so a change checked against an older one cannot slip past this.
      if ((await this.pets.applicationsHolding(tx, petId)).approved > 0) {
        throw new DomainError('CONFLICT', 'An approved adoption application holds this pet: complete or cancel it to change the availability.', { petId });
      }
      if (!(await this.availability.apply(tx, pet, body.expectedVersion, body.availability, caller.userId, body.note?.trim() || null))) {
        throw await this.conflictAfterLostRace(tx, petId);
      }
      return toPetDto(await this.reload(tx, petId));
    });
  }

  /**
   * A conditional update matched nothing although the checks passed on the row read in this transaction: another
   * change committed in between. Deleted → 404; a new version → VERSION_CONFLICT with it.
   */
  private async conflictAfterLostRace(tx: TransactionContext, petId: string): Promise<DomainError> {
    const current = await this.pets.findById(petId, tx);
    return current ? new VersionConflictError('Pet', current.version) : petNotFound(petId);
  }

  /** Every listing and availability change, oldest first; visible to whoever may see the pet. */
  async history(caller: Principal | null, petId: string, query: GetPetHistoryQuery): Promise<PetHistoryPageDto> {
    const pet = await this.pets.findById(petId);
    if (!pet) throw petNotFound(petId);
    await this.access.assertVisible(pet, caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await Promise.all([this.pets.listHistory(petId, decodeCursor(query.cursor), limit + 1), this.pets.countHistory(petId)]);
    return { ...toKeysetPage(rows, limit, toPetHistoryEntryDto), total };
  }

  private async reload(tx: TransactionContext, petId: string): Promise<PetEntity> {
    const pet = await this.pets.findById(petId, tx);
    if (!pet) throw petNotFound(petId);
    return pet;
  }
}
