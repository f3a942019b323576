import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, realtimeChannelOf, RedisClient, type RealtimeSignal } from '@app/common';
import type Redis from 'ioredis';
import { NotificationsService } from '../notifications/notifications.service';
import { RealtimeGateway } from './realtime.gateway';

/** How long start-up waits for the subscription (Redis may be down: the api starts anyway, without live updates). */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * Hears the signals every api replica and the worker publish (RealtimeSignals) and serves the sockets this replica
 * holds. Notifications are read back through the notification centre for their owners (two queries per signal), so
 * a socket is sent exactly what `GET /notifications/{id}` would answer it (nothing once deleted); a message goes to
 * the thread's readers as computed when it was sent.
 */
@Injectable()
export class RealtimeRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RealtimeRelay');
  private readonly channel: string;
  private readonly subscriber: Redis;
  private notificationsInOrder: Promise<void> = Promise.resolve();

  constructor(
    redis: RedisClient,
    config: AppConfig,
    private readonly gateway: RealtimeGateway,
    private readonly notifications: NotificationsService,
  ) {
    this.channel = realtimeChannelOf(config);
    // Its own connection (a subscribed one can do nothing else), queueing the subscription until Redis answers and
    // subscribing again after every reconnect.
    this.subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    // Signals published while the subscription was down are lost; ended sessions and role changes are caught up from
    // Redis's keys.
    this.subscriber.on('ready', () => void this.gateway.recheckTokens().catch(() => undefined));
    this.subscriber.on('message', (_channel: string, raw: string) => {
      this.relay(raw).catch((error: unknown) => this.logger.warn({ err: error }, 'real-time signal not relayed'));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.race([this.subscriber.subscribe(this.channel).catch(() => undefined), sleep(SUBSCRIBE_WAIT_MS)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private async relay(raw: string): Promise<void> {
    const signal = JSON.parse(raw) as RealtimeSignal;
    switch (signal.kind) {
      case 'notifications':
        // One at a time, so that a user's unread counts arrive in order and a large fan-out queues here rather than
        // on the database pool.
        this.notificationsInOrder = this.notificationsInOrder
          .then(() => this.sendNotifications(signal.recipients))
          .catch((error: unknown) => {
            this.logger.warn({ err: error }, 'real-time notifications not relayed');
          });
        return;
      case 'application-message':
        for (const userId of signal.recipientIds) {
          if (this.gateway.holdsSocketsOf(userId)) {
            this.gateway.emitToUser(userId, 'application.message', { applicationId: signal.applicationId, message: signal.message });
          }
        }
        return;
      case 'sessions-ended':
        this.gateway.endSessions(signal.sessionIds);
        return;
      case 'role-changed':
        if (this.gateway.holdsSocketsOf(signal.userId)) await this.gateway.recheckSocketsOf(signal.userId);
        return;
    }
  }

  private async sendNotifications(recipients: Array<{ userId: string; notificationIds: string[] }>): Promise<void> {
    const local = recipients.filter(({ userId }) => this.gateway.holdsSocketsOf(userId));
    if (local.length === 0) return;
    for (const { userId, notifications, unreadCount } of await this.notifications.newFor(local)) {
      for (const notification of notifications) this.gateway.emitToUser(userId, 'notification.created', { notification, unreadCount });
    }
  }
}
