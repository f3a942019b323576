import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';
import type { Principal } from '@app/identity';
import { AccessTokenService } from './access-token.service';
import { RevokedSessions } from './revoked-sessions';

/** The bearer token of an `Authorization` header, or null when there is none or it is malformed. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  return match ? match[1] : null;
}

/** Who an access token speaks for, for HTTP requests (AuthGuard) and real-time sockets alike. */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly revokedSessions: RevokedSessions,
  ) {}

  /** A signed-out or revoked session's access token stops at once, not when it expires. */
  async authenticate(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    const verified = this.tokens.verifyWithExpiry(token);
    if (await this.sessionEnded(verified.principal.sessionId)) throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again.');
    return verified;
  }

  sessionEnded(sessionId: string): Promise<boolean> {
    return this.revokedSessions.has(sessionId);
  }

  /** Those of `sessionIds` that ended (checked in batches, for sockets that outlive their handshake). */
  endedSessions(sessionIds: readonly string[]): Promise<string[]> {
    return this.revokedSessions.which(sessionIds);
  }
}
