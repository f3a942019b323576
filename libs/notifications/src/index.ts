export * from './notification.entity';
export * from './notification-email-queue';
export * from './notification-links';
export * from './notification-preferences';
export * from './notification-rows';
export * from './notifications.module';
export * from './notifier';

import { NotificationEntity } from './notification.entity';

export const notificationEntities = [NotificationEntity];
