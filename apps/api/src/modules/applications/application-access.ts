// Who may see and act on an application. The guard has checked that the caller is signed in; these rules add
// ownership. A caller who may not see an application gets 404, exactly as for one that does not exist; a caller
// who sees it but may not take a step gets 403.
import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '@app/common';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import { PET_MANAGING_STAFF_ROLES } from '../pets/pet-access';
import type { ApplicationEntity, PetEntity } from '@app/catalog';
import { ApplicationRescues } from './application-ports';

export interface ApplicationAccess {
  applicant: boolean;
  /** The owner side that acts: the rescue's admins and staff, or the rehomer. Reviews, assigns, messages. */
  owner: boolean;
  /** Reads as the owner side (internal notes included): the owner side and the rescue's volunteers. */
  insider: boolean;
  /** Holds applications:read-any (platform admins): reads every application, acts on none. */
  readsAll: boolean;
  visible: boolean;
}

export type ApplicationOwnership = Pick<ApplicationEntity, 'id' | 'applicantId' | 'ownerType' | 'rescueId' | 'ownerUserId'>;

/** Platform admins (applications:read-any) read every application. */
export const readsAllApplications = (caller: Principal) => hasPermission(caller.role, PERMISSIONS.applicationsReadAny);

export function applicationAccessOf(application: Omit<ApplicationOwnership, 'id'>, caller: Principal, staffRole: StaffRole | null): ApplicationAccess {
  const applicant = application.applicantId === caller.userId;
  const rehomer = application.ownerType === 'individual' && application.ownerUserId === caller.userId;
  const managingStaff = application.ownerType === 'rescue' && staffRole !== null && PET_MANAGING_STAFF_ROLES.includes(staffRole);
  // An applicant who joins the rescue later never reviews, nor reads the internal notes on, their own application.
  const owner = !applicant && (rehomer || managingStaff);
  const insider = !applicant && (owner || (application.ownerType === 'rescue' && staffRole !== null));
  const readsAll = readsAllApplications(caller);
  return { applicant, owner, insider, readsAll, visible: applicant || insider || readsAll };
}

export const applicationNotFound = (applicationId: string) => new NotFoundError('Application', applicationId);

/** Resolves a caller's access to an application, asking the rescues module for their role in the owning rescue. */
@Injectable()
export class ApplicationAccessPolicy {
  constructor(private readonly rescues: ApplicationRescues) {}

  async accessTo(application: Omit<ApplicationOwnership, 'id'>, caller: Principal, tx?: TransactionContext): Promise<ApplicationAccess> {
    const staffRole = application.rescueId !== null ? await this.rescues.roleOf(caller.userId, application.rescueId, tx) : null;
    return applicationAccessOf(application, caller, staffRole);
  }

  /** 404 unless the caller may see the application. */
  async assertVisible(application: ApplicationOwnership, caller: Principal, tx?: TransactionContext): Promise<ApplicationAccess> {
    const access = await this.accessTo(application, caller, tx);
    if (!access.visible) throw applicationNotFound(application.id);
    return access;
  }

  /** 403 for the pet's owner side: a rehomer does not apply for their own pet, nor a rescue's member for its pets. */
  async assertMayApply(pet: Pick<PetEntity, 'id' | 'ownerType' | 'rescueId' | 'ownerUserId'>, caller: Principal, tx?: TransactionContext): Promise<void> {
    if (pet.ownerType === 'individual' && pet.ownerUserId === caller.userId) {
      throw new DomainError('FORBIDDEN', 'You cannot apply to adopt your own pet.', { petId: pet.id, reason: 'owner' });
    }
    if (pet.rescueId !== null && (await this.rescues.roleOf(caller.userId, pet.rescueId, tx)) !== null) {
      throw new DomainError('FORBIDDEN', "Members of the pet's rescue cannot apply to adopt it.", { petId: pet.id, reason: 'rescue_member' });
    }
  }

  /** Everyone who may read the application's thread: the applicant and the owner side (see ApplicationMessagesService). */
  async threadReaders(application: Omit<ApplicationOwnership, 'id'>, tx?: TransactionContext): Promise<string[]> {
    const ownerSide =
      application.ownerType === 'individual' ? [application.ownerUserId!] : await this.rescues.memberIdsOf(application.rescueId!, PET_MANAGING_STAFF_ROLES, tx);
    return [...new Set([application.applicantId, ...ownerSide])];
  }

  /** 404 unless the caller may see it, 403 unless they are its owner side. */
  async assertOwner(application: ApplicationOwnership, caller: Principal, tx?: TransactionContext): Promise<ApplicationAccess> {
    const access = await this.assertVisible(application, caller, tx);
    if (!access.owner)
      throw new DomainError('FORBIDDEN', "Only the pet's owner side (the rescue's admins and staff, or the rehomer) can do this.", {
        applicationId: application.id,
      });
    return access;
  }
}
