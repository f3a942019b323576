import { Injectable } from '@nestjs/common';
import { DomainError, RedisClient } from '@app/common';
import type { Principal } from '@app/identity';
import { AccessTokenService } from './access-token.service';
import { revokedSessionKey } from './revoked-sessions';
import { isStaleRole, roleMarkerKey } from './role-markers';

/** Principals asked about per round trip by standingOf() (two keys each). */
const LOOKUP_BATCH = 500;

/** Whether a verified access token still speaks for its user: `ended` session, `stale` role, or `current`. */
export type TokenStanding = 'current' | 'ended' | 'stale';

/** The bearer token of an `Authorization` header, or null when there is none or it is malformed. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  return match ? match[1] : null;
}

/** Why a token that is not `current` is refused: an ended session needs a new sign-in, a stale role a refresh. */
export function refusalOf(standing: Exclude<TokenStanding, 'current'>): DomainError {
  return standing === 'ended'
    ? new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again.')
    : new DomainError('TOKEN_STALE', 'The role of this account changed; refresh the access token and retry.');
}

/** Who an access token speaks for, for HTTP requests (AuthGuard) and real-time sockets alike. */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly redis: RedisClient,
  ) {}

  /** A signed-out or revoked session's token stops at once, and so does one carrying a role the user lost or gained. */
  async authenticate(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    const verified = this.tokens.verifyWithExpiry(token);
    const [standing] = await this.standingOf([verified.principal]);
    if (standing !== 'current') throw refusalOf(standing);
    return verified;
  }

  /**
   * The standing of each principal's token, asking the session denylist (RevokedSessions) and the role markers
   * (RoleMarkers) in one MGET per batch: one Redis round trip for a request. Redis down: every one is `current`
   * (fails open; the access-token lifetime bounds it).
   */
  async standingOf(principals: readonly Principal[]): Promise<TokenStanding[]> {
    const standings: TokenStanding[] = principals.map(() => 'current');
    try {
      for (let start = 0; start < principals.length; start += LOOKUP_BATCH) {
        const batch = principals.slice(start, start + LOOKUP_BATCH);
        const found = await this.redis.mget(batch.flatMap((p) => [revokedSessionKey(p.sessionId), roleMarkerKey(p.userId)]));
        batch.forEach((principal, i) => {
          if (found[2 * i] !== null) standings[start + i] = 'ended';
          else if (isStaleRole(found[2 * i + 1], principal.role)) standings[start + i] = 'stale';
        });
      }
    } catch {
      // fails open
    }
    return standings;
  }
}
