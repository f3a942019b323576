import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { promotedPlatformRole } from './rescue-access';
import { RescuesRepository } from '@app/catalog';

/** Raises the platform role of a user who joins a rescue (see promotedPlatformRole), audited like any role change. */
@Injectable()
export class MemberPromotionService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Runs in the joining transaction. Takes effect at the member's next token refresh: an access token carries the
   * old role for at most its lifetime (rescue rights themselves come from the membership, not from the role).
   */
  async promote(tx: TransactionContext, userId: string, staffRole: StaffRole, context: { reason: string; rescueId: string }): Promise<void> {
    const account = await this.rescues.findAccount(userId, tx);
    if (!account) return;
    const role = promotedPlatformRole(account.role, staffRole);
    if (!role) return;
    // Conditional on the role read above: a concurrent change by an admin wins and this one is skipped.
    if (!(await this.rescues.changeAccountRole(tx, userId, account.role, role))) return;
    await this.audit.record(tx, { action: 'user.role_changed', targetType: 'user', targetId: userId, before: { role: account.role }, after: { role, ...context } });
  }
}
