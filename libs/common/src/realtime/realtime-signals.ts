import { Global, Injectable, Logger, Module } from '@nestjs/common';
import type { ApplicationMessageDto } from '@app/contracts';
import { AppConfig } from '../config/app-config';
import { RedisClient } from '../redis/redis.module';

/**
 * What the api's and the worker's services tell the real-time gateway, through Redis pub/sub so that every api
 * replica hears it and serves the sockets it holds. A signal names what changed; the gateway decides what each
 * socket may see. Best effort by design: the REST resources stay the source of truth (docs/realtime.md).
 */
export type RealtimeSignal =
  /** New in-app notifications (ids of committed rows), by recipient. */
  | { kind: 'notifications'; recipients: Array<{ userId: string; notificationIds: string[] }> }
  /** A message posted on an application, for the users who may read its thread. */
  | { kind: 'application-message'; recipientIds: string[]; applicationId: string; message: ApplicationMessageDto }
  /** Sessions that ended (sign-out, revocation, password reset, account closed): their sockets are disconnected. */
  | { kind: 'sessions-ended'; sessionIds: string[] }
  /** A user's role changed: their sockets whose token carries another role are disconnected (TOKEN_STALE). */
  | { kind: 'role-changed'; userId: string };

/** The pub/sub channel of a deployment (pub/sub channels are not namespaced by the client's key prefix). */
export const realtimeChannelOf = (config: Pick<AppConfig, 'REDIS_PREFIX'>) => `${config.REDIS_PREFIX}:realtime`;

@Injectable()
export class RealtimeSignals {
  private readonly logger = new Logger('RealtimeSignals');
  private readonly channel: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.channel = realtimeChannelOf(config);
  }

  /** Never throws: a signal lost while Redis is down costs a live update, not the change that caused it. */
  async publish(signal: RealtimeSignal): Promise<void> {
    try {
      await this.redis.publish(this.channel, JSON.stringify(signal));
    } catch (error) {
      this.logger.warn({ err: error, kind: signal.kind }, 'real-time signal not published');
    }
  }
}

/** Global, like RedisModule (which it needs): the services of any module may publish. */
@Global()
@Module({ providers: [RealtimeSignals], exports: [RealtimeSignals] })
export class RealtimeSignalsModule {}
