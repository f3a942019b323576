import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { NotFoundError, ValidationFailedError } from '@app/common';
import type { SessionDto, SessionPageDto } from '@app/contracts';
import { inTransaction } from '@app/database';
import type { AuthSessionEntity, Principal } from '@app/identity';
import type { DataSource } from 'typeorm';
import { SessionsRepository, type SessionCursor } from './sessions.repository';

const DEFAULT_PAGE_SIZE = 20;

export function encodeSessionCursor(session: Pick<AuthSessionEntity, 'lastUsedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([session.lastUsedAt.toISOString(), session.id])).toString('base64url');
}

export function decodeSessionCursor(cursor: string): SessionCursor {
  try {
    const [lastUsedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const time = new Date(String(lastUsedAt));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(time.getTime())) return { lastUsedAt: time, id };
  } catch {
    // falls through to the validation error
  }
  throw new ValidationFailedError([{ field: 'cursor', constraints: { valid: 'The cursor is not one this API returned.' } }]);
}

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
    const after = query.cursor ? decodeSessionCursor(query.cursor) : null;
    const { items, total } = await this.sessions.pageForUser(principal.userId, limit + 1, after);
    const page = items.slice(0, limit);
    return {
      items: page.map((session) => toSessionDto(session, principal.sessionId)),
      nextCursor: items.length > limit ? encodeSessionCursor(page[page.length - 1]) : null,
      total,
    };
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
      await this.audit.record(tx, { action: 'auth.sessions_revoked', targetType: 'user', targetId: principal.userId, after: { revokedSessions: revoked, kept: principal.sessionId } });
    });
  }
}
