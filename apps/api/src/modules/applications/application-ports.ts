// What the applications feature needs from pets and rescues, as ports (DI tokens): the services never read
// those modules' tables themselves, and their unit tests use fakes. application-ports.adapter.ts binds them to
// the pets module's PetAdoptionService and the rescues module's RescueMembershipService.
import type { Availability, StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import type { PetEntity } from '@app/catalog';

export interface PetStanding {
  pet: PetEntity;
  /** The caller may see the pet (published, or they are its owner side or a moderator). */
  visible: boolean;
  /** The caller is of the pet's owner side or a volunteer of its rescue: they read its applications. */
  insider: boolean;
}

export abstract class ApplicationPets {
  /** The pet (not deleted) and whether the caller may see it; null when there is no such pet. */
  abstract find(petId: string, caller: Principal | null, tx?: TransactionContext): Promise<PetStanding | null>;
  /** As find, holding a shared lock on the pet until `tx` ends, so that no approval of it overlaps (a submission). */
  abstract findShared(tx: TransactionContext, petId: string, caller: Principal): Promise<PetStanding | null>;
  /** Reads the pet and locks its row until `tx` ends: approvals of one pet serialise on it. */
  abstract lock(tx: TransactionContext, petId: string): Promise<PetEntity | null>;
  /** Changes the availability of a pet locked in `tx`, recorded in its history with `reason`. */
  abstract changeAvailability(tx: TransactionContext, pet: PetEntity, to: Availability, actorId: string | null, reason: string): Promise<void>;
}

export abstract class ApplicationRescues {
  /** The user's role in an active rescue, or null. Pass the transaction when there is one. */
  abstract roleOf(userId: string, rescueId: string, tx?: TransactionContext): Promise<StaffRole | null>;
  /** The active rescues the user is a member of, any role. */
  abstract rescueIdsOf(userId: string): Promise<string[]>;
  /** Members of an active rescue holding one of `roles`. */
  abstract memberIdsOf(rescueId: string, roles: readonly StaffRole[], tx?: TransactionContext): Promise<string[]>;
  /** false for an unknown or deleted rescue. */
  abstract exists(rescueId: string, tx?: TransactionContext): Promise<boolean>;
  /** The rescue's setting: keep the pet's other applications on a waitlist when one is approved (else reject them). */
  abstract waitlistsOnApproval(rescueId: string, tx: TransactionContext): Promise<boolean>;
}
