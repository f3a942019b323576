import { Injectable } from '@nestjs/common';
import type { Availability, StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { PetAdoptionService } from '../pets/pet-adoption.service';
import type { PetEntity } from '@app/catalog';
import { RescueMembershipService } from '../rescues/rescue-membership.service';
import { ApplicationPets, ApplicationRescues, type PetStanding } from './application-ports';

/** ApplicationPets over the pets module's exported PetAdoptionService. */
@Injectable()
export class PetAdoptionAccess extends ApplicationPets {
  constructor(private readonly adoption: PetAdoptionService) {
    super();
  }

  async find(petId: string, caller: Principal | null, tx?: TransactionContext): Promise<PetStanding | null> {
    const found = await this.adoption.find(petId, caller, tx);
    return found && { pet: found.pet, visible: found.access.visible, insider: found.access.insider };
  }

  async findShared(tx: TransactionContext, petId: string, caller: Principal): Promise<PetStanding | null> {
    const found = await this.adoption.findShared(tx, petId, caller);
    return found && { pet: found.pet, visible: found.access.visible, insider: found.access.insider };
  }

  lock(tx: TransactionContext, petId: string): Promise<PetEntity | null> {
    return this.adoption.lock(tx, petId);
  }

  changeAvailability(tx: TransactionContext, pet: PetEntity, to: Availability, actorId: string | null, reason: string): Promise<void> {
    return this.adoption.changeAvailability(tx, pet, to, actorId, reason);
  }
}

/** ApplicationRescues over the rescues module's exported RescueMembershipService. */
@Injectable()
export class RescueMembershipAdapter extends ApplicationRescues {
  constructor(private readonly membership: RescueMembershipService) {
    super();
  }

  roleOf(userId: string, rescueId: string, tx?: TransactionContext): Promise<StaffRole | null> {
    return this.membership.roleOf(userId, rescueId, tx);
  }

  rescueIdsOf(userId: string): Promise<string[]> {
    return this.membership.rescueIdsOf(userId);
  }

  memberIdsOf(rescueId: string, roles: readonly StaffRole[], tx?: TransactionContext): Promise<string[]> {
    return this.membership.memberIdsOf(rescueId, roles, tx);
  }

  async exists(rescueId: string, tx?: TransactionContext): Promise<boolean> {
    return (await this.membership.findActive(rescueId, tx)) !== null;
  }

  async waitlistsOnApproval(rescueId: string, tx: TransactionContext): Promise<boolean> {
    return (await this.membership.findActive(rescueId, tx))?.settings.waitlistOnApproval ?? false;
  }
}
