import { Injectable } from '@nestjs/common';
import { AuthSessionEntity, type SessionRevocationReason } from '@app/identity';
import type { EntityManager } from 'typeorm';

/** Session revocation, shared by sign-out, password changes, deactivation and deletion. */
@Injectable()
export class SessionsRepository {
  /** Revokes every live session of a user, except `keepSessionId`; returns how many were revoked. */
  async revokeAllForUser(manager: EntityManager, userId: string, reason: SessionRevocationReason, keepSessionId?: string): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: () => 'CURRENT_TIMESTAMP(3)', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId) query.andWhere('id <> :keepSessionId', { keepSessionId });
    const result = await query.execute();
    return result.affected ?? 0;
  }
}
