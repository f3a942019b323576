import { Injectable } from '@nestjs/common';
import type { Availability } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { PetAccessPolicy, type PetAccess } from './pet-access';
import { PetAvailabilityChanges, type PetEntity, PetsRepository } from '@app/catalog';

/**
 * What the applications module asks of pets (exported): who may see a pet, and the availability changes an
 * adoption makes (approval → pending, completion → adopted, cancellation → available), each recorded, audited and
 * announced like an owner's change. The caller holds the pet's row lock (`lock`) while it decides.
 */
@Injectable()
export class PetAdoptionService {
  constructor(
    private readonly pets: PetsRepository,
    private readonly access: PetAccessPolicy,
    private readonly availability: PetAvailabilityChanges,
  ) {}

  /** The pet and the caller's access to it; null when it does not exist or is deleted. */
  async find(petId: string, caller: Principal | null, tx?: TransactionContext): Promise<{ pet: PetEntity; access: PetAccess } | null> {
    const pet = await this.pets.findById(petId, tx);
    return pet ? { pet, access: await this.access.accessTo(pet, caller, tx) } : null;
  }

  /** As find, holding a shared lock on the pet until `tx` ends: an approval of the pet waits, or is waited for. */
  async findShared(tx: TransactionContext, petId: string, caller: Principal): Promise<{ pet: PetEntity; access: PetAccess } | null> {
    const pet = await this.pets.lockById(tx, petId, 'shared');
    return pet ? { pet, access: await this.access.accessTo(pet, caller, tx) } : null;
  }

  /** Reads the pet and locks its row exclusively until `tx` ends; null when it does not exist or is deleted. */
  lock(tx: TransactionContext, petId: string): Promise<PetEntity | null> {
    return this.pets.lockById(tx, petId);
  }

  /** Moves a pet locked in `tx` to `to`, with a history entry and an audit entry; the reason names the adoption step. */
  changeAvailability(tx: TransactionContext, pet: PetEntity, to: Availability, actorId: string | null, reason: string): Promise<void> {
    return this.availability.applyLocked(tx, pet, to, actorId, reason);
  }
}
