// Owns the real-time gateway (Socket.IO namespace /realtime): who may connect, and relaying what the services
// signal (new notifications, application messages, ended sessions) to the sockets of this replica.
// docs/realtime.md explains the protocol and the design.
import { Module } from '@nestjs/common';
import { NotificationCentreModule } from '../notifications/notifications.module';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeRelay } from './realtime-relay';

@Module({
  imports: [NotificationCentreModule],
  providers: [RealtimeGateway, RealtimeRelay],
})
export class RealtimeModule {}
