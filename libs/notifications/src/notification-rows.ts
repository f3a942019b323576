// From events to the rows the Notifier inserts: pure, so the rules (limits, deduplication, preferences, who gets
// nothing at all) are unit-tested without a database.
import { NotificationResourceType, NotificationType, type NotificationPreferencesDto, type UserStatus } from '@app/contracts';
import type { NotificationEmailStatus } from './notification.entity';
import { channelsFor, emailSkipReasonOf } from './notification-preferences';

export const TITLE_MAX = 150;
export const BODY_MAX = 1000;
export const EVENT_KEY_MAX = 200;

const ID = /^[0-9a-f-]{36}$/;
/** Printable ASCII without spaces: stored in an ASCII column and compared byte for byte. */
const EVENT_KEY = new RegExp(`^[\\x21-\\x7e]{1,${EVENT_KEY_MAX}}$`);
const TYPES = new Set<string>(Object.values(NotificationType));
const RESOURCE_TYPES = new Set<string>(Object.values(NotificationResourceType));

export interface NotificationEvent {
  userId: string; // recipient
  type: NotificationType;
  title: string; // short, ≤ 150 chars
  body: string; // ≤ 1000 chars
  resourceType: NotificationResourceType;
  resourceId: string;
  /** Unique per recipient: the same event notified twice (a retried request or job) makes one notification. */
  eventKey: string;
}

/** A malformed event is a programming error of its producer: it fails the caller's transaction. */
export class InvalidNotificationEventError extends Error {}

/** Texts are derived from records whose own limits may be longer (a pet name in a title): cut, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Checks an event and brings its texts within the column limits. */
export function normaliseEvent(event: NotificationEvent): NotificationEvent {
  const problems = [
    !ID.test(event.userId ?? '') && 'userId must be a user id',
    !TYPES.has(event.type) && `unknown type ${String(event.type)}`,
    !RESOURCE_TYPES.has(event.resourceType) && `unknown resourceType ${String(event.resourceType)}`,
    !ID.test(event.resourceId ?? '') && 'resourceId must be an id',
    !EVENT_KEY.test(event.eventKey ?? '') && `eventKey must be 1-${EVENT_KEY_MAX} printable ASCII characters without spaces`,
    !(typeof event.title === 'string' && event.title.trim()) && 'title must not be empty',
    typeof event.body !== 'string' && 'body must be a string',
  ].filter(Boolean);
  if (problems.length > 0) throw new InvalidNotificationEventError(`invalid notification event (${event.eventKey}): ${problems.join('; ')}`);
  return { ...event, title: truncate(event.title, TITLE_MAX), body: truncate(event.body, BODY_MAX) };
}

export interface NotificationRecipient {
  id: string;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  /** Saved preferences, or null for the defaults. */
  notifications: NotificationPreferencesDto | null;
}

export interface NotificationRow extends NotificationEvent {
  id: string;
  inApp: boolean;
  emailStatus: Extract<NotificationEmailStatus, 'pending' | 'skipped'>;
  emailDetail: string | null;
}

/**
 * One row per (recipient, eventKey), the first event of a key winning. Nothing for a recipient that does not exist
 * or is deleted, nor when neither channel would show it. `ids` are used in order of the events, so pass them sorted
 * (UUIDv7s of one millisecond are not): the later event of one call is then the newer notification. Rows come out
 * sorted by (userId, eventKey), the order their unique index is locked in, so that concurrent callers do not deadlock.
 */
export function notificationRowsOf(events: NotificationEvent[], recipients: Map<string, NotificationRecipient>, ids: string[]): NotificationRow[] {
  const seen = new Set<string>();
  const rows: NotificationRow[] = [];
  events.forEach((event, index) => {
    const key = `${event.userId} ${event.eventKey}`;
    if (seen.has(key)) return;
    seen.add(key);
    const recipient = recipients.get(event.userId);
    if (!recipient || recipient.status === 'deleted') return;
    const channels = channelsFor(recipient.notifications, event.type);
    const skipReason = emailSkipReasonOf(recipient, channels);
    if (!channels.inApp && skipReason !== null) return;
    rows.push({ ...event, id: ids[index], inApp: channels.inApp, emailStatus: skipReason === null ? 'pending' : 'skipped', emailDetail: skipReason });
  });
  return rows.sort((a, b) => (a.userId === b.userId ? compare(a.eventKey, b.eventKey) : compare(a.userId, b.userId)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
