// Who may see and change a pet. The guard has checked the operation's permission (signed in, medical:verify);
// these rules add ownership. A caller who may not see a pet gets 404, exactly as for a pet that does not exist,
// so listings in draft cannot be probed; a caller who may see it but not change it gets 403.
import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '@app/common';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import { isPubliclyVisible, type PetEntity } from '@app/catalog';
import { PetRescueAccess } from './rescue-access';

/** Rescue roles that manage the rescue's pets; volunteers see every listing of their rescue but change none. */
export const PET_MANAGING_STAFF_ROLES: readonly StaffRole[] = ['admin', 'staff'];

export interface PetAccess {
  /** The owner side: managing staff of the owning rescue, or the rehomer. Changes the pet. */
  owner: boolean;
  /** Reads as the owner side (every listing state, full medical records): the owner side and the rescue's volunteers. */
  insider: boolean;
  /** Holds listings:moderate: sees every listing state, publishes, returns, retires and deletes. */
  moderator: boolean;
  /** Not deleted, and published or seen by an insider or a moderator. */
  visible: boolean;
}

type PetOwnership = Pick<PetEntity, 'ownerType' | 'rescueId' | 'ownerUserId' | 'listingStatus' | 'deletedAt'>;

export function petAccessOf(pet: PetOwnership, caller: Principal | null, staffRole: StaffRole | null): PetAccess {
  const rehomer = caller !== null && pet.ownerType === 'individual' && pet.ownerUserId === caller.userId;
  const managingStaff = pet.ownerType === 'rescue' && staffRole !== null && PET_MANAGING_STAFF_ROLES.includes(staffRole);
  const owner = rehomer || managingStaff;
  const insider = owner || (pet.ownerType === 'rescue' && staffRole !== null);
  const moderator = caller !== null && hasPermission(caller.role, PERMISSIONS.listingsModerate);
  const visible = isPubliclyVisible(pet) || (pet.deletedAt === null && (insider || moderator));
  return { owner, insider, moderator, visible };
}

export const petNotFound = (petId: string) => new NotFoundError('Pet', petId);

/**
 * Resolves a caller's access to a pet, asking the rescues module for their role in the owning rescue. Inside a
 * transaction, pass it (`tx`): the lookup then uses the transaction's connection instead of a second one.
 */
@Injectable()
export class PetAccessPolicy {
  constructor(private readonly rescues: PetRescueAccess) {}

  async accessTo(pet: PetOwnership, caller: Principal | null, tx?: TransactionContext): Promise<PetAccess> {
    const staffRole = pet.rescueId !== null && caller !== null ? ((await this.rescues.standingOf(pet.rescueId, caller.userId, tx))?.staffRole ?? null) : null;
    return petAccessOf(pet, caller, staffRole);
  }

  /** 404 unless the caller may see the pet. */
  async assertVisible(pet: PetOwnership & { id: string }, caller: Principal | null, tx?: TransactionContext): Promise<PetAccess> {
    const access = await this.accessTo(pet, caller, tx);
    if (!access.visible) throw petNotFound(pet.id);
    return access;
  }

  /** 404 unless the caller may see the pet, 403 unless they are its owner side (or, with `moderators`, a moderator). */
  async assertOwner(
    pet: PetOwnership & { id: string },
    caller: Principal,
    tx?: TransactionContext,
    options: { moderators?: boolean } = {},
  ): Promise<PetAccess> {
    const access = await this.assertVisible(pet, caller, tx);
    if (!access.owner && !(options.moderators && access.moderator)) {
      throw new DomainError('FORBIDDEN', 'Only the owner of this listing can change it.', { petId: pet.id });
    }
    return access;
  }
}
