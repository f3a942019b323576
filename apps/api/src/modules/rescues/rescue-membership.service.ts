import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { type RescueEntity, RescuesRepository, RescueStaffRepository } from '@app/catalog';

/**
 * What other modules (pets, applications…) ask about rescues: is the rescue there, is it verified, and what is
 * a user's role in it. A soft-deleted rescue does not exist here, and nobody is a member of it.
 */
@Injectable()
export class RescueMembershipService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly staff: RescueStaffRepository,
  ) {}

  /** The user's role in the rescue, or null (not a member, or the rescue is deleted or unknown). */
  roleOf(userId: string, rescueId: string, tx?: TransactionContext): Promise<StaffRole | null> {
    return this.staff.roleOf(rescueId, userId, tx);
  }

  /** The active rescues the user belongs to, any role. */
  rescueIdsOf(userId: string): Promise<string[]> {
    return this.staff.rescueIdsOf(userId);
  }

  /** The members of an active rescue who hold one of `roles` (none for a deleted or unknown rescue). */
  memberIdsOf(rescueId: string, roles: readonly StaffRole[], tx?: TransactionContext): Promise<string[]> {
    return this.staff.memberIdsOf(rescueId, roles, tx);
  }

  /** Any role: admin, staff or volunteer. */
  async isStaff(userId: string, rescueId: string, tx?: TransactionContext): Promise<boolean> {
    return (await this.roleOf(userId, rescueId, tx)) !== null;
  }

  /** The rescue unless it is deleted; `status === 'verified'` tells whether it may publish pets. */
  findActive(rescueId: string, tx?: TransactionContext): Promise<RescueEntity | null> {
    return this.rescues.findActive(rescueId, tx);
  }

  /** Reads the rescue and locks its row for the rest of `tx` (e.g. publishing a pet while a moderator rejects the rescue). */
  lockActive(tx: TransactionContext, rescueId: string): Promise<RescueEntity | null> {
    return this.rescues.lockActive(tx, rescueId);
  }
}
