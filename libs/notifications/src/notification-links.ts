// Where a notification points: its record's API path (the `link` of the contract) and the web app's page of it
// (the link in the e-mail, under WEB_APP_URL).
import type { NotificationResourceType } from '@app/contracts';

const COLLECTION: Record<NotificationResourceType, string> = {
  application: 'applications',
  pet: 'pets',
};

/** e.g. `/api/v1/applications/{id}`. */
export function notificationLinkOf(resourceType: NotificationResourceType, resourceId: string): string {
  return `/api/v1/${COLLECTION[resourceType]}/${encodeURIComponent(resourceId)}`;
}

/** e.g. `applications/{id}`, relative to WEB_APP_URL. */
export function notificationWebPathOf(resourceType: NotificationResourceType, resourceId: string): string {
  return `${COLLECTION[resourceType]}/${encodeURIComponent(resourceId)}`;
}
