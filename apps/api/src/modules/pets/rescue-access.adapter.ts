import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RescueStatus } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { DataSource } from 'typeorm';
import { RescueMembershipService } from '../rescues/rescue-membership.service';
import { RescueStaffEntity } from '../rescues/rescue-staff.entity';
import { PetRescueAccess, type RescueStanding } from './rescue-access';

/** PetRescueAccess over the rescues module's exported membership service. */
@Injectable()
export class RescueMembershipAccess extends PetRescueAccess {
  constructor(
    private readonly membership: RescueMembershipService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async standingOf(rescueId: string, userId: string | null): Promise<RescueStanding | null> {
    const rescue = await this.membership.findActive(rescueId);
    if (!rescue) return null;
    return { status: rescue.status, staffRole: userId === null ? null : await this.membership.roleOf(userId, rescueId) };
  }

  async lockStatus(tx: TransactionContext, rescueId: string): Promise<RescueStatus | null> {
    return (await this.membership.lockActive(tx, rescueId))?.status ?? null;
  }

  // TODO(rescues): read this through RescueMembershipService once it offers the rescues of a user; until then the
  // one query on its table (through its entity) lives here, next to nothing else of the pets feature.
  async memberRescueIds(userId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(RescueStaffEntity)
      .createQueryBuilder('s')
      .innerJoin('s.rescue', 'r')
      .select('s.rescue_id', 'rescueId')
      .where('s.user_id = :userId AND r.deleted_at IS NULL', { userId })
      .getRawMany<{ rescueId: string }>();
    return rows.map((row) => row.rescueId);
  }
}
