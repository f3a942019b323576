import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Global, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

const CONNECT_TIMEOUT_MS = 2000;

/** The application's own Redis client (rate limits, counters, health), separate from BullMQ's connections. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.REDIS_URL, {
      keyPrefix: `${config.REDIS_PREFIX}:`,
      // Fail fast while Redis is down instead of queueing commands: readiness turns 503 and callers decide.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.on('error', () => undefined); // reconnects on its own; readiness reports the outage
  }

  /**
   * Without an offline queue, a command sent before the first connection is up fails at once: the first requests
   * would skip rate limiting and the first readiness probe would fail. So start-up waits for the connection, up to
   * the connect timeout; a Redis that is really down does not stop the process (callers degrade, readiness says so).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.status === 'ready') return;
    // `once` rejects on an 'error' event (Redis refusing connections): stop waiting then, the process runs on.
    const done = new AbortController();
    await Promise.race([
      once(this, 'ready', { signal: done.signal }).catch(() => undefined),
      sleep(CONNECT_TIMEOUT_MS, undefined, { signal: done.signal }).catch(() => undefined),
    ]);
    done.abort();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
