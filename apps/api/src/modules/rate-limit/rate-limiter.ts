import { Injectable } from '@nestjs/common';
import { RedisClient } from '@app/common';

export const WINDOW_MS = 60_000;

// Fixed windows that start at a key's first hit: INCR, and the expiry set with the first one. One round trip
// for every bucket of a request. Returns count and remaining milliseconds per key.
const HIT = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

export interface Bucket {
  /** e.g. `global:ip:10.0.0.1`; stored under `rate:<key>`. */
  key: string;
  limit: number;
}

export interface BucketState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends, rounded up: a Retry-After of this is never early. */
  resetSeconds: number;
  exceeded: boolean;
}

type LimiterRedis = RedisClient & { rateLimitHit(numberOfKeys: number, ...args: Array<string | number>): Promise<number[]> };

/** Redis-backed request counters shared by every replica (limits hold across instances). */
@Injectable()
export class RateLimiter {
  private readonly redis: LimiterRedis;

  constructor(redis: RedisClient) {
    if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { lua: HIT });
    this.redis = redis as LimiterRedis;
  }

  /** Counts one request in every bucket. Throws when Redis is unreachable (the caller decides to fail open). */
  async hit(buckets: readonly Bucket[]): Promise<BucketState[]> {
    const raw = await this.redis.rateLimitHit(buckets.length, ...buckets.map((b) => `rate:${b.key}`), WINDOW_MS);
    return buckets.map((bucket, i) => {
      const count = Number(raw[2 * i]);
      const ttlMs = Number(raw[2 * i + 1]);
      return {
        limit: bucket.limit,
        remaining: Math.max(0, bucket.limit - count),
        resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
        exceeded: count > bucket.limit,
      };
    });
  }
}

/** The bucket a client sees in the RateLimit-* headers: an exceeded one, else the one closest to its limit. */
export function tightest(states: readonly BucketState[]): BucketState {
  return [...states].sort((a, b) => Number(b.exceeded) - Number(a.exceeded) || a.remaining - b.remaining || b.resetSeconds - a.resetSeconds)[0];
}
