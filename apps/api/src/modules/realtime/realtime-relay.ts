import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, NotFoundError, realtimeChannelOf, RedisClient, type RealtimeSignal } from '@app/common';
import type Redis from 'ioredis';
import { NotificationsService } from '../notifications/notifications.service';
import { RealtimeGateway } from './realtime.gateway';

/** How long start-up waits for the subscription (Redis may be down: the api starts anyway, without live updates). */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * Hears the signals every api replica and the worker publish (RealtimeSignals) and serves the sockets this replica
 * holds. A notification is read back through the notification centre as its owner, so a socket is sent exactly what
 * `GET /notifications/{id}` would answer it (nothing once deleted); a message goes to the thread's readers as
 * computed when it was sent.
 */
@Injectable()
export class RealtimeRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RealtimeRelay');
  private readonly channel: string;
  private readonly subscriber: Redis;

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
    // Signals published while the subscription was down are lost; ended sessions are caught up from the denylist.
    this.subscriber.on('ready', () => void this.gateway.recheckSessions().catch(() => undefined));
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
        await Promise.all(signal.recipients.map(({ userId, notificationIds }) => this.sendNotifications(userId, notificationIds)));
        return;
      case 'application-message':
        for (const userId of signal.recipientIds) {
          if (this.gateway.localPrincipalOf(userId)) {
            this.gateway.emitToUser(userId, 'application.message', { applicationId: signal.applicationId, message: signal.message });
          }
        }
        return;
      case 'sessions-ended':
        this.gateway.endSessions(signal.sessionIds);
        return;
    }
  }

  private async sendNotifications(userId: string, notificationIds: string[]): Promise<void> {
    const owner = this.gateway.localPrincipalOf(userId);
    if (!owner) return;
    const found = await Promise.all(notificationIds.map((id) => this.notifications.get(owner, id).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))));
    const { count } = await this.notifications.unreadCount(owner);
    for (const notification of found) if (notification) this.gateway.emitToUser(userId, 'notification.created', { notification, unreadCount: count });
  }
}
