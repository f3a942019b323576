import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, RealtimeSignals, RedisClient } from '@app/common';

export const revokedSessionKey = (sessionId: string) => `auth:revoked-session:${sessionId}`;

/** Sessions asked about per round trip by which(). */
const LOOKUP_BATCH = 1000;

/**
 * Denylist of revoked sessions for self-contained access tokens (ASVS 7.4.1): a token whose session was
 * revoked stops working at once instead of living out its 15 minutes. Entries live as long as an access
 * token can, so the list stays small. Redis being down fails open (the access-token lifetime bounds it).
 * Real-time sockets opened with those tokens are disconnected too.
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

  /** The revoked ones among `sessionIds`; none while Redis is down (fails open, like has()). */
  async which(sessionIds: readonly string[]): Promise<string[]> {
    const revoked: string[] = [];
    try {
      for (let start = 0; start < sessionIds.length; start += LOOKUP_BATCH) {
        const batch = sessionIds.slice(start, start + LOOKUP_BATCH);
        const found = await this.redis.mget(batch.map(revokedSessionKey));
        batch.forEach((id, i) => found[i] !== null && revoked.push(id));
      }
    } catch {
      // fails open
    }
    return revoked;
  }

  async has(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(revokedSessionKey(sessionId))) === 1;
    } catch {
      return false;
    }
  }
}
