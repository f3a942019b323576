// Entity → API shape of a notification. The link is derived from the record it is about, never stored.
import type { NotificationDto } from '@app/contracts';
import { notificationLinkOf, type NotificationEntity } from '@app/notifications';

export function toNotificationDto(notification: NotificationEntity): NotificationDto {
  return {
    id: notification.id,
    type: notification.type,
    title: notification.title,
    body: notification.body,
    link: notificationLinkOf(notification.resourceType, notification.resourceId),
    resourceType: notification.resourceType,
    resourceId: notification.resourceId,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}
