import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Availability } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { PetFans } from './pet-fans';
import { assertAvailabilityTransition } from './pet-lifecycle';
import type { PetEntity } from './pet.entity';
import { PetsRepository } from './pets.repository';

/**
 * The one way a pet's availability changes, by its owner side (PUT …/availability) or by an adoption
 * (PetAdoptionService) or the anonymisation of an adopter's account: checked against the availability graph, applied with a conditional UPDATE on the version
 * and availability read, recorded in the pet's history, audited, and announced to the people who favourited it.
 */
@Injectable()
export class PetAvailabilityChanges {
  constructor(
    private readonly pets: PetsRepository,
    private readonly audit: AuditService,
    private readonly fans: PetFans,
  ) {}

  /** false when the pet no longer has `expectedVersion` (another change committed first): nothing was written. */
  async apply(
    tx: TransactionContext,
    pet: PetEntity,
    expectedVersion: number,
    to: Availability,
    actorId: string | null,
    reason: string | null,
  ): Promise<boolean> {
    assertAvailabilityTransition(pet.availability, to);
    if (!(await this.pets.changeAvailability(tx, pet.id, expectedVersion, pet.availability, to))) return false;
    await this.pets.appendHistory(tx, [{ petId: pet.id, kind: 'availability', fromStatus: pet.availability, toStatus: to, actorId, reason }]);
    await this.audit.record(tx, {
      action: 'pet.availability_changed',
      targetType: 'pet',
      targetId: pet.id,
      actorId,
      before: { availability: pet.availability },
      after: { availability: to, reason },
    });
    await this.fans.announceStatusChange(tx, { petId: pet.id, petName: pet.name, from: pet.availability, to, actorId });
    return true;
  }

  /** As apply, for a pet whose row `tx` holds locked: its version is the current one, so the change cannot miss. */
  async applyLocked(tx: TransactionContext, pet: PetEntity, to: Availability, actorId: string | null, reason: string): Promise<void> {
    if (!(await this.apply(tx, pet, pet.version, to, actorId, reason))) throw new Error(`pet ${pet.id} changed under its lock`);
  }
}
