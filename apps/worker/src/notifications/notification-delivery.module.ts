// Owns the worker side of notifications (libs/notifications holds the table and the Notifier): delivering each
// notification's e-mail under the recipient's preferences and quiet hours, re-enqueueing e-mail that Redis lost,
// and fanning a pet's availability change out to everyone who favourited it. docs/notifications.md.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity, UserPreferencesEntity } from '@app/identity';
import { CatalogModule } from '@app/catalog';
import { NotificationEntity, NotificationsModule } from '@app/notifications';
import { MailModule } from '../mail/mail.module';
import { DeliverNotificationEmailHandler } from './deliver-notification-email.handler';
import { FanOutPetStatusChangeHandler } from './fan-out-pet-status.handler';
import { NotificationEmailSweeper } from './notification-email-sweeper';
import { NotificationOutbox } from './notification-outbox';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, UserEntity, UserPreferencesEntity]), NotificationsModule, CatalogModule, MailModule],
  providers: [NotificationOutbox, DeliverNotificationEmailHandler, FanOutPetStatusChangeHandler, NotificationEmailSweeper],
})
export class NotificationDeliveryModule {}
