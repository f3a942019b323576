import type { AppConfig } from '@app/common';
import type { QueueOptions } from 'bullmq';

/** BullMQ connection settings from the Redis URL; every queue key lives under REDIS_PREFIX. */
export function bullConnection(
  config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_PREFIX'>,
  role: 'producer' | 'worker',
): Pick<QueueOptions, 'connection' | 'prefix'> {
  const url = new URL(config.REDIS_URL);
  return {
    prefix: `${config.REDIS_PREFIX}:bull`,
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      db: Number(url.pathname.slice(1) || 0),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
      // A producer must fail fast while Redis is down (the request goes on; the sweeper enqueues later);
      // a worker waits for Redis to come back.
      enableOfflineQueue: role === 'worker',
    },
  };
}
