import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { TransactionContext } from '@app/database';
import { AuthSessionEntity, RefreshTokenEntity, type SessionRevocationReason } from '@app/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { RevokedSessions } from './revoked-sessions';

export interface SessionCursor {
  lastUsedAt: Date;
  id: string;
}

export interface NewSession {
  userId: string;
  device: string;
  ip: string | null;
  maxAgeSeconds: number;
}

const isTransaction = (value: EntityManager | TransactionContext): value is TransactionContext =>
  typeof (value as TransactionContext).afterCommit === 'function';

/** Sessions and their refresh tokens; revocation is shared by sign-out, password changes, deactivation and deletion. */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revokedSessions: RevokedSessions,
  ) {}

  /**
   * Revokes every live session of a user, except `keepSessionId`; returns how many were revoked. Their refresh
   * tokens stop at once; their access tokens live out their lifetime (at most ACCESS_TOKEN_TTL_SECONDS) unless
   * `endAccessTokens` is set, which needs the transaction context: they are denylisted once it commits.
   */
  async revokeAllForUser(
    managerOrTx: EntityManager | TransactionContext,
    userId: string,
    reason: SessionRevocationReason,
    keepSessionId?: string,
    options: { endAccessTokens?: boolean } = {},
  ): Promise<number> {
    const manager = isTransaction(managerOrTx) ? managerOrTx.manager : managerOrTx;
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM auth_sessions WHERE user_id = ? AND revoked_at IS NULL${keepSessionId ? ' AND id <> ?' : ''} FOR UPDATE`,
      keepSessionId ? [userId, keepSessionId] : [userId],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    const result = await manager
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: () => 'CURRENT_TIMESTAMP(3)', revokedReason: reason })
      .where('id IN (:...ids) AND revoked_at IS NULL', { ids })
      .execute();
    if (options.endAccessTokens) {
      if (!isTransaction(managerOrTx)) throw new Error('endAccessTokens needs the transaction context, not only its manager');
      managerOrTx.afterCommit(() => this.revokedSessions.add(ids));
    }
    return result.affected ?? 0;
  }

  /** Revokes one session of `userId`; false when the user has no such live session. */
  async revokeOne(tx: TransactionContext, userId: string, sessionId: string, reason: SessionRevocationReason): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: () => 'CURRENT_TIMESTAMP(3)', revokedReason: reason })
      .where('id = :sessionId AND user_id = :userId AND revoked_at IS NULL', { sessionId, userId })
      .execute();
    if (result.affected !== 1) return false;
    tx.afterCommit(() => this.revokedSessions.add([sessionId]));
    return true;
  }

  /** Whether the user signed in before at all, and from this device and address. */
  async deviceHistory(manager: EntityManager, userId: string, device: string, ip: string | null): Promise<{ anySession: boolean; seenDevice: boolean }> {
    const [row] = await manager.query(
      'SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN device = ? AND ip <=> ? THEN 1 ELSE 0 END), 0) AS seen FROM auth_sessions WHERE user_id = ?',
      [device, ip, userId],
    );
    return { anySession: Number(row.total) > 0, seenDevice: Number(row.seen) > 0 };
  }

  async insertSession(manager: EntityManager, session: NewSession): Promise<AuthSessionEntity> {
    const id = newId();
    await manager.query(`INSERT INTO auth_sessions (id, user_id, device, ip, expires_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND)`, [
      id,
      session.userId,
      session.device,
      session.ip,
      session.maxAgeSeconds,
    ]);
    return manager.findOneByOrFail(AuthSessionEntity, { id });
  }

  findSession(manager: EntityManager, id: string): Promise<AuthSessionEntity | null> {
    return manager.findOneBy(AuthSessionEntity, { id });
  }

  async touchSession(manager: EntityManager, id: string): Promise<void> {
    await manager.update(AuthSessionEntity, { id }, { lastUsedAt: () => 'CURRENT_TIMESTAMP(3)' });
  }

  async insertRefreshToken(manager: EntityManager, token: { sessionId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await manager.insert(RefreshTokenEntity, { id: newId(), ...token });
  }

  /**
   * Spends a live refresh token in one statement. InnoDB makes a concurrent spend of the same token wait for
   * this one and then find `used_at` set: of two racing refreshes exactly one wins.
   */
  async spendRefreshToken(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP(3)', { tokenHash })
      .execute();
    return result.affected === 1;
  }

  findRefreshToken(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /** Live sessions of a user, most recently used first, keyset-paginated on (last_used_at, id). */
  async pageForUser(userId: string, limit: number, after: SessionCursor | null): Promise<{ items: AuthSessionEntity[]; total: number }> {
    const live = 's.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > CURRENT_TIMESTAMP(3)';
    const base = () => this.dataSource.manager.createQueryBuilder(AuthSessionEntity, 's').where(live, { userId });
    const page = base().orderBy('s.lastUsedAt', 'DESC').addOrderBy('s.id', 'DESC').limit(limit);
    if (after) {
      page.andWhere('(s.lastUsedAt < :lastUsedAt OR (s.lastUsedAt = :lastUsedAt AND s.id < :id))', { lastUsedAt: after.lastUsedAt, id: after.id });
    }
    const [items, total] = await Promise.all([page.getMany(), base().getCount()]);
    return { items, total };
  }

  async sessionBelongsTo(sessionId: string, userId: string): Promise<boolean> {
    return (await this.dataSource.manager.countBy(AuthSessionEntity, { id: sessionId, userId })) > 0;
  }
}
