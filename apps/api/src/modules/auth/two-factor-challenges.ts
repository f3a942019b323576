import { Injectable } from '@nestjs/common';
import { RedisClient } from '@app/common';
import { randomToken, sha256Hex } from './secrets';

export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong codes one challenge tolerates (typos) before it dies; each also counts as a failed sign-in. */
export const CHALLENGE_MAX_ATTEMPTS = 5;

export interface ChallengeState {
  userId: string;
  email: string;
  device: string;
  ip: string | null;
}

const key = (token: string) => `auth:2fa-challenge:${sha256Hex(token)}`;

/**
 * The half-finished sign-in between a correct password and the second factor: a random token whose hash keys
 * a Redis entry for 5 minutes. Spent by the first successful code, so it is single use. Needs Redis: without it
 * two-factor sign-in fails (500) rather than skipping the second factor.
 */
@Injectable()
export class TwoFactorChallenges {
  constructor(private readonly redis: RedisClient) {}

  async create(state: ChallengeState): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken();
    await this.redis
      .multi()
      .hset(key(token), { userId: state.userId, email: state.email, device: state.device, ip: state.ip ?? '', attempts: '0' })
      .expire(key(token), CHALLENGE_TTL_SECONDS)
      .exec();
    return { token, expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000) };
  }

  /** The live challenge, counting this attempt; null when unknown, expired or out of attempts. */
  async attempt(token: string): Promise<ChallengeState | null> {
    const result = await this.redis.multi().hincrby(key(token), 'attempts', 1).hgetall(key(token)).exec();
    const attempts = Number(result?.[0]?.[1] ?? 0);
    const fields = (result?.[1]?.[1] ?? {}) as Record<string, string>;
    if (!fields.userId) {
      // HINCRBY created a lone counter for an unknown token: drop it.
      await this.redis.del(key(token));
      return null;
    }
    if (attempts > CHALLENGE_MAX_ATTEMPTS) {
      await this.redis.del(key(token));
      return null;
    }
    return { userId: fields.userId, email: fields.email, device: fields.device, ip: fields.ip || null };
  }

  /** Spends the challenge; false when a concurrent request spent it first. */
  async spend(token: string): Promise<boolean> {
    return (await this.redis.del(key(token))) === 1;
  }

  /** A TOTP code is accepted once: a code seen over a shoulder or replayed within its 90 s window fails. */
  /** Fails open when Redis is down: the code itself was still checked. */
  async claimTotpCode(userId: string, code: string): Promise<boolean> {
    try {
      return (await this.redis.set(`auth:totp-used:${userId}:${code}`, '1', 'EX', 120, 'NX')) === 'OK';
    } catch {
      return true;
    }
  }
}
