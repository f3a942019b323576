import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { NotFoundError } from '@app/common';
import { DEFAULT_PAGE_SIZE, isId, keysetCursor, parseTime } from '@app/common/pagination/keyset-cursor';
import type { SessionDto, SessionPageDto } from '@app/contracts';
import { inTransaction } from '@app/database';
import type { AuthSessionEntity, Principal } from '@app/identity';
import type { DataSource } from 'typeorm';
import { SessionsRepository, type SessionCursor } from './sessions.repository';

/** Sessions are listed most recently used first: (lastUsedAt DESC, id DESC). */
export const sessionCursor = keysetCursor<SessionCursor>({
  toParts: (session) => [session.lastUsedAt.toISOString(), session.id],
  fromParts: ([lastUsedAt, id, ...rest]) => {
    const time = parseTime(lastUsedAt);
    return time && isId(id) && rest.length === 0 ? { lastUsedAt: time, id } : null;
  },
});

function toSessionDto(session: AuthSessionEntity, currentSessionId: string): SessionDto {
  return {
    id: session.id,
    device: session.device,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    current: session.id === currentSessionId,
  };
}

/** The caller's own sessions: list and revoke. Another user's session is answered like a missing one (404). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: { cursor?: string; limit?: number }): Promise<SessionPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = sessionCursor.decode(query.cursor || undefined);
    const { items, total } = await this.sessions.pageForUser(principal.userId, limit + 1, after);
    return { ...sessionCursor.page(items, limit, (session) => toSessionDto(session, principal.sessionId)), total };
  }

  /** Revoking an own session that is already revoked succeeds; someone else's is NOT_FOUND. */
  async revoke(principal: Principal, sessionId: string): Promise<void> {
    const revoked = await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.sessions.revokeOne(tx, principal.userId, sessionId, 'revoked'))) return false;
      await this.audit.record(tx, { action: 'auth.session_revoked', targetType: 'user', targetId: principal.userId, after: { sessionId } });
      return true;
    });
    if (!revoked && !(await this.sessions.sessionBelongsTo(sessionId, principal.userId))) throw new NotFoundError('Session', sessionId);
  }

  async revokeOthers(principal: Principal): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const revoked = await this.sessions.revokeAllForUser(tx, principal.userId, 'revoked_others', principal.sessionId, { endAccessTokens: true });
      await this.audit.record(tx, {
        action: 'auth.sessions_revoked',
        targetType: 'user',
        targetId: principal.userId,
        after: { revokedSessions: revoked, kept: principal.sessionId },
      });
    });
  }
}
