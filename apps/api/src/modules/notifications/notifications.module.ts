// Owns the caller's notification centre (/api/v1/notifications): list, unread count, read, read-all, delete.
// Notifications are written by the services that own their events through the Notifier of libs/notifications,
// which also holds the table. docs/notifications.md.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from '@app/notifications';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository, TypeOrmNotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, { provide: NotificationsRepository, useClass: TypeOrmNotificationsRepository }],
  exports: [NotificationsService],
})
export class NotificationCentreModule {}
