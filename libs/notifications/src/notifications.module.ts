// Owns notifications as data: the `notifications` table (centre rows and e-mail outbox), the Notifier that the
// owning services call inside their transactions, and the preference rules. The api's notifications module serves
// the centre; the worker delivers the e-mails and fans out pet changes. docs/notifications.md.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity, UserPreferencesEntity } from '@app/identity';
import { NotificationEntity } from './notification.entity';
import { Notifier } from './notifier';

/** Provides the Notifier (it needs the global JobProducer of JobsModule); importable by api modules and the worker. */
@Module({ imports: [TypeOrmModule.forFeature([NotificationEntity, UserEntity, UserPreferencesEntity])], providers: [Notifier], exports: [Notifier] })
export class NotificationsModule {}
