import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { RoleChanges } from '../auth/role-changes.service';
import { promotedPlatformRole } from './rescue-access';
import { RescuesRepository } from '@app/catalog';

/** Raises the platform role of a user who joins a rescue (see promotedPlatformRole), through RoleChanges like any role change. */
@Injectable()
export class MemberPromotionService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly roleChanges: RoleChanges,
  ) {}

  /**
   * Runs in the joining transaction. Takes effect at the member's next request (RoleChanges): their access token
   * with the old role is refused until refreshed, their session is kept (rescue rights themselves come from the
   * membership, not from the role).
   */
  async promote(tx: TransactionContext, userId: string, staffRole: StaffRole, context: { reason: string; rescueId: string }): Promise<void> {
    const account = await this.rescues.findAccount(userId, tx);
    if (!account) return;
    const role = promotedPlatformRole(account.role, staffRole);
    if (!role) return;
    // Conditional on the role read above: a concurrent change by an admin wins and this one is skipped.
    await this.roleChanges.change(tx, { userId, from: account.role, to: role, context });
  }
}
