import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Role } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { AccountsRepository } from './accounts.repository';
import { RoleMarkers } from './role-markers';

export interface RoleChange {
  userId: string;
  /** The role the caller read: when it is no longer the user's, a concurrent change won and nothing is written. */
  from: Role;
  to: Role;
  /** Why, kept in the audit entry (e.g. `{ reason: 'rescue.registered', rescueId }`). */
  context?: Record<string, unknown>;
}

/**
 * The one way to change a user's platform role (an admin's PUT /users/{id}/role, joining or registering a rescue,
 * listing a first pet): writes it, audits it, and once committed marks the user's access tokens that carry
 * another role stale (RoleMarkers), so the change bites at the next request while every session lives on.
 */
@Injectable()
export class RoleChanges {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly markers: RoleMarkers,
    private readonly audit: AuditService,
  ) {}

  /** Runs in the caller's transaction; true when the role changed. */
  async change(tx: TransactionContext, change: RoleChange): Promise<boolean> {
    if (change.from === change.to) return false;
    const version = await this.accounts.changeRole(tx.manager, change.userId, change.from, change.to);
    if (version === null) return false;
    await this.audit.record(tx, {
      action: 'user.role_changed',
      targetType: 'user',
      targetId: change.userId,
      before: { role: change.from },
      // Access tokens with the earlier role are refused (TOKEN_STALE) from the next request; sessions are kept.
      after: { role: change.to, ...change.context, accessTokens: 'stale', sessions: 'kept' },
    });
    tx.afterCommit(() => this.markers.record(change.userId, version, change.to));
    return true;
  }
}
