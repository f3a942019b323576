// Brute-force protection of sign-in (ASVS 6.3.x, Keycloak's lockout behaviour): failures are counted per
// account (the normalised address, whether or not an account exists, so a lock tells nothing) and per client
// address, in Redis so that every replica shares them.
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, DomainError, RedisClient } from '@app/common';
import { sha256Hex } from './secrets';

/** First lock 1 minute, doubling with each further lock, at most 15 minutes: never a long lock-out. */
export const BASE_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 15 * 60;
/** ASVS 2.2.1: at most 100 failed attempts per hour per account, whatever LOGIN_MAX_FAILURES says. */
export const HOURLY_FAILURE_CAP = 100;
const WINDOW_SECONDS = 3600;
/** How long lock growth is remembered: a day without locks starts again at 1 minute. */
const LOCK_MEMORY_SECONDS = 24 * 3600;

// KEYS: consecutive failures, lock, lock count, failures this hour, failures of the client address this hour.
// ARGV: LOGIN_MAX_FAILURES, base lock, max lock, hourly cap, window, lock memory.
// The n-th lock lasts min(base * 2^(n-1), max); reaching the hourly cap locks for a whole window.
// Returns the length of a lock that this failure started, or 0. Atomic: exactly one failure starts a lock.
const RECORD_FAILURE = `
local fails = redis.call('INCR', KEYS[1])
if fails == 1 then redis.call('EXPIRE', KEYS[1], ARGV[5]) end
local hourly = redis.call('INCR', KEYS[4])
if hourly == 1 then redis.call('EXPIRE', KEYS[4], ARGV[5]) end
local ip = redis.call('INCR', KEYS[5])
if ip == 1 then redis.call('EXPIRE', KEYS[5], ARGV[5]) end
local capped = hourly >= tonumber(ARGV[4])
if fails < tonumber(ARGV[1]) and not capped then return 0 end
local n = redis.call('INCR', KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[6])
local duration = math.min(tonumber(ARGV[2]) * 2 ^ (n - 1), tonumber(ARGV[3]))
if capped then
  duration = math.max(duration, tonumber(ARGV[5]))
  redis.call('DEL', KEYS[4])
end
duration = math.floor(duration)
redis.call('SET', KEYS[2], '1', 'EX', duration)
redis.call('DEL', KEYS[1])
return duration
`;

type ThrottleRedis = RedisClient & {
  recordLoginFailure(...args: Array<string | number>): Promise<number>;
};

export interface FailureOutcome {
  /** Set when this failure locked the account: the lock's length in seconds. */
  lockedForSeconds: number | null;
}

@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: ThrottleRedis;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    if (!('recordLoginFailure' in redis)) redis.defineCommand('recordLoginFailure', { numberOfKeys: 5, lua: RECORD_FAILURE });
    this.redis = redis as ThrottleRedis;
  }

  /** Failures from one client address across accounts (credential stuffing) before it must wait. */
  get ipFailureLimit(): number {
    return Math.max(HOURLY_FAILURE_CAP, this.config.LOGIN_MAX_FAILURES * 10);
  }

  /** A client address with too many failures gets 429: about the address, so it tells nothing about accounts. */
  async assertClientAllowed(ip: string | null): Promise<void> {
    if (!ip) return;
    try {
      const [count, ttl] = await Promise.all([this.redis.get(this.ipKey(ip)), this.redis.ttl(this.ipKey(ip))]);
      if (Number(count ?? 0) >= this.ipFailureLimit) {
        throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins from this address; try again later.', { retryAfterSeconds: Math.max(1, ttl) });
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.redisDown(error);
    }
  }

  async isLocked(email: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.keys(email).lock)) === 1;
    } catch (error) {
      this.redisDown(error);
      return false;
    }
  }

  async recordFailure(email: string, ip: string | null): Promise<FailureOutcome> {
    const keys = this.keys(email);
    try {
      const locked = await this.redis.recordLoginFailure(
        keys.failures,
        keys.lock,
        keys.locks,
        keys.hourly,
        this.ipKey(ip ?? 'unknown'),
        this.config.LOGIN_MAX_FAILURES,
        BASE_LOCK_SECONDS,
        MAX_LOCK_SECONDS,
        HOURLY_FAILURE_CAP,
        WINDOW_SECONDS,
        LOCK_MEMORY_SECONDS,
      );
      return { lockedForSeconds: Number(locked) > 0 ? Number(locked) : null };
    } catch (error) {
      this.redisDown(error);
      return { lockedForSeconds: null };
    }
  }

  /** A successful sign-in (or a password reset) clears the account's counter and lock growth. */
  async reset(email: string): Promise<void> {
    const keys = this.keys(email);
    try {
      await this.redis.del(keys.failures, keys.locks, keys.lock);
    } catch (error) {
      this.redisDown(error);
    }
  }

  private keys(email: string) {
    // Hashed so that addresses do not appear in Redis; the caller has already normalised the address.
    const account = sha256Hex(email).slice(0, 32);
    return {
      failures: `auth:login:fails:${account}`,
      lock: `auth:login:lock:${account}`,
      locks: `auth:login:locks:${account}`,
      hourly: `auth:login:hourly:${account}`,
    };
  }

  private ipKey(ip: string): string {
    return `auth:login:ip-fails:${ip}`;
  }

  /** Sign-in keeps working during a Redis outage, without brute-force counting; argon2's cost still slows guessing. */
  private redisDown(error: unknown): void {
    this.logger.warn({ err: error }, 'login throttle unavailable (Redis); failing open');
  }
}
