import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, RealtimeSignals, RedisClient } from '@app/common';

export const revokedSessionKey = (sessionId: string) => `auth:revoked-session:${sessionId}`;

/**
 * Denylist of revoked sessions for self-contained access tokens (ASVS 7.4.1): a token whose session was
 * revoked stops working at once instead of living out its 15 minutes. Entries live as long as an access
 * token can, so the list stays small. Redis being down fails open (the access-token lifetime bounds it).
 * Real-time sockets opened with those tokens are disconnected too. BearerAuthenticator reads the list.
 */
@Injectable()
export class RevokedSessions {
  private readonly logger = new Logger('RevokedSessions');

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
    private readonly signals: RealtimeSignals,
  ) {}

  async add(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const id of sessionIds) pipeline.set(revokedSessionKey(id), '1', 'EX', this.config.ACCESS_TOKEN_TTL_SECONDS);
      await pipeline.exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not denylist revoked sessions; their access tokens live until they expire');
    }
    await this.signals.publish({ kind: 'sessions-ended', sessionIds: [...sessionIds] });
  }
}
