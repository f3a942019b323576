// Which preference category each notification type belongs to, and what the recipient's preferences and account
// allow: the one place both the Notifier (when it writes a notification) and the worker (when it mails one) ask.
import type { NotificationChannelsDto, NotificationPreferencesDto, NotificationType, UserStatus } from '@app/contracts';
import { DEFAULT_PREFERENCES } from '@app/identity';

export type NotificationCategory = 'applicationUpdates' | 'messages' | 'petUpdates';

export const NOTIFICATION_CATEGORY: Record<NotificationType, NotificationCategory> = {
  application_submitted: 'applicationUpdates',
  application_status_changed: 'applicationUpdates',
  application_assigned: 'applicationUpdates',
  message_received: 'messages',
  favorite_pet_status_changed: 'petUpdates',
};

/** The recipient's channels for this type; DEFAULT_PREFERENCES for someone who never saved any (or for a category saved before it existed). */
export function channelsFor(preferences: NotificationPreferencesDto | null | undefined, type: NotificationType): NotificationChannelsDto {
  const category = NOTIFICATION_CATEGORY[type];
  return preferences?.[category] ?? DEFAULT_PREFERENCES.notifications[category];
}

/** Why a notification is not mailed (stored in `notifications.email_detail`). */
export type EmailSkipReason =
  /** The recipient turned e-mail off for this category. */
  | 'preference_off'
  /** Deactivated, pending deletion or deleted: such accounts get no mail but security mail. */
  | 'account_inactive'
  /** Nobody confirmed the address belongs to the account: it may be someone else's. */
  | 'email_unverified'
  /** Read in the app before its e-mail went out (it waited for quiet hours): nothing left to tell. */
  | 'already_read';

export interface EmailRecipient {
  status: UserStatus;
  emailVerifiedAt: Date | null;
}

/** null when the notification may be mailed to this recipient with these channels. */
export function emailSkipReasonOf(recipient: EmailRecipient, channels: NotificationChannelsDto): EmailSkipReason | null {
  if (recipient.status !== 'active') return 'account_inactive';
  if (recipient.emailVerifiedAt === null) return 'email_unverified';
  if (!channels.email) return 'preference_off';
  return null;
}
