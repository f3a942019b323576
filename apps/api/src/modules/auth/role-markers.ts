import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, RealtimeSignals, RedisClient } from '@app/common';
import type { Role } from '@app/contracts';

/** `<users.version of the change>:<role>`: the role the user has had since that change. */
export const roleMarkerKey = (userId: string) => `auth:role-changed:${userId}`;

/**
 * A marker outlives the access tokens signed before it by this much: a refresh that read the earlier role just
 * before the change committed signs its token a moment after the marker was written.
 */
const MARKER_SLACK_SECONDS = 60;

// KEYS: the marker. ARGV: version, role, TTL. Keeps a marker of a later change: two changes of one user commit in
// the order of their versions (the row lock), but their after-commit writes may arrive in either order.
const RECORD_ROLE = `
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+):'))
  if version and version > tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3])
return 1
`;

type MarkerRedis = RedisClient & { recordRoleMarker(key: string, version: number, role: Role, ttlSeconds: number): Promise<number> };

/** Whether an access token carrying `role` is stale under the marker read from Redis (null: no recent change). */
export function isStaleRole(marker: string | null, role: Role): boolean {
  return marker !== null && marker.slice(marker.indexOf(':') + 1) !== role;
}

/**
 * Role changes for self-contained access tokens: the role is a claim, so after a change the user's new role is
 * kept in Redis for as long as a token signed before it lives, and BearerAuthenticator refuses a token carrying
 * any other role (TOKEN_STALE) until the client refreshes it. Sessions are untouched. Compared by value, not by
 * time: no clocks of different replicas meet, and a token signed by a refresh racing the change is caught too.
 * Redis being down fails open, like the session denylist: the access-token lifetime bounds it.
 */
@Injectable()
export class RoleMarkers {
  private readonly logger = new Logger('RoleMarkers');
  private readonly redis: MarkerRedis;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
    private readonly signals: RealtimeSignals,
  ) {
    if (!('recordRoleMarker' in redis)) redis.defineCommand('recordRoleMarker', { numberOfKeys: 1, lua: RECORD_ROLE });
    this.redis = redis as MarkerRedis;
  }

  /** After the change committed: `version` is the user row's version the change wrote. */
  async record(userId: string, version: number, role: Role): Promise<void> {
    try {
      await this.redis.recordRoleMarker(roleMarkerKey(userId), version, role, this.config.ACCESS_TOKEN_TTL_SECONDS + MARKER_SLACK_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'could not mark a role change; access tokens with the earlier role live until they expire');
    }
    await this.signals.publish({ kind: 'role-changed', userId });
  }
}
