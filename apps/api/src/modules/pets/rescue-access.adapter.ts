import { Injectable } from '@nestjs/common';
import type { RescueStatus } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { RescueMembershipService } from '../rescues/rescue-membership.service';
import { PetRescueAccess, type RescueStanding } from './rescue-access';

/** PetRescueAccess over the rescues module's exported membership service. */
@Injectable()
export class RescueMembershipAccess extends PetRescueAccess {
  constructor(private readonly membership: RescueMembershipService) {
    super();
  }

  async standingOf(rescueId: string, userId: string | null, tx?: TransactionContext): Promise<RescueStanding | null> {
    const rescue = await this.membership.findActive(rescueId, tx);
    if (!rescue) return null;
    return { status: rescue.status, staffRole: userId === null ? null : await this.membership.roleOf(userId, rescueId, tx) };
  }

  async lockStatus(tx: TransactionContext, rescueId: string): Promise<RescueStatus | null> {
    return (await this.membership.lockActive(tx, rescueId))?.status ?? null;
  }

  memberRescueIds(userId: string): Promise<string[]> {
    return this.membership.rescueIdsOf(userId);
  }
}
