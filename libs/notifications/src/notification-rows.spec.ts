import { DEFAULT_PREFERENCES } from '@app/identity';
import { describe, expect, it } from 'vitest';
import { notificationLinkOf, notificationWebPathOf } from './notification-links';
import {
  InvalidNotificationEventError,
  normaliseEvent,
  notificationRowsOf,
  truncate,
  type NotificationEvent,
  type NotificationRecipient,
} from './notification-rows';

const ADA = '01900000-0000-7000-8000-00000000000a';
const BOB = '01900000-0000-7000-8000-00000000000b';
const PET = '01900000-0000-7000-8000-0000000000f1';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `01900000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`);

const event = (overrides: Partial<NotificationEvent> = {}): NotificationEvent => ({
  userId: ADA,
  type: 'favorite_pet_status_changed',
  title: 'Biscuit is now adopted',
  body: 'Biscuit, a pet you favourited, is now adopted.',
  resourceType: 'pet',
  resourceId: PET,
  eventKey: 'pet-status:c1',
  ...overrides,
});

const recipient = (id: string, overrides: Partial<NotificationRecipient> = {}): NotificationRecipient => ({
  id,
  status: 'active',
  emailVerifiedAt: new Date('2026-01-01T00:00:00Z'),
  notifications: null,
  ...overrides,
});
const recipients = (...list: NotificationRecipient[]) => new Map(list.map((r) => [r.id, r]));

describe('normaliseEvent', () => {
  it('cuts texts to the column limits with an ellipsis, counting characters, not bytes', () => {
    const long = normaliseEvent(event({ title: `  ${'é'.repeat(200)}  `, body: 'x'.repeat(1500) }));
    expect(Array.from(long.title)).toHaveLength(150);
    expect(long.title.endsWith('é…')).toBe(true);
    expect(long.body).toHaveLength(1000);
    expect(truncate(' short ', 150)).toBe('short');
    expect(truncate('🐶'.repeat(3), 3)).toBe('🐶🐶🐶');
  });

  it.each([
    ['a user id that is not an id', { userId: 'ada' }, /userId/],
    ['an unknown type', { type: 'newsletter' as never }, /unknown type newsletter/],
    ['an unknown resource type', { resourceType: 'rescue' as never }, /unknown resourceType/],
    ['a resource id that is not an id', { resourceId: '42' }, /resourceId/],
    ['an empty event key', { eventKey: '' }, /eventKey/],
    ['an event key with spaces', { eventKey: 'pet status' }, /eventKey/],
    ['a non-ASCII event key', { eventKey: 'pet-é' }, /eventKey/],
    ['an event key over 200 characters', { eventKey: 'k'.repeat(201) }, /eventKey/],
    ['an empty title', { title: '   ' }, /title/],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => normaliseEvent(event(overrides))).toThrow(InvalidNotificationEventError);
    expect(() => normaliseEvent(event(overrides))).toThrow(message);
  });
});

describe('notificationRowsOf', () => {
  it('makes one row per recipient and event key, the first event winning', () => {
    const rows = notificationRowsOf(
      [event({ title: 'first' }), event({ title: 'again' }), event({ userId: BOB }), event({ eventKey: 'pet-status:c2' })],
      recipients(recipient(ADA), recipient(BOB)),
      ids(4),
    );
    expect(rows.map((r) => [r.userId, r.eventKey, r.title, r.id])).toEqual([
      [ADA, 'pet-status:c1', 'first', ids(4)[0]],
      [ADA, 'pet-status:c2', 'Biscuit is now adopted', ids(4)[3]],
      [BOB, 'pet-status:c1', 'Biscuit is now adopted', ids(4)[2]],
    ]);
  });

  it("honours the recipient's channels: in-app flag, e-mail pending or skipped with the reason", () => {
    const noEmail = { ...DEFAULT_PREFERENCES.notifications, applicationUpdates: { email: false, inApp: true } };
    const emailOnly = { ...DEFAULT_PREFERENCES.notifications, applicationUpdates: { email: true, inApp: false } };
    const type = 'application_submitted' as const;
    const [a] = notificationRowsOf([event({ type })], recipients(recipient(ADA)), ids(1));
    const [b] = notificationRowsOf([event({ type })], recipients(recipient(ADA, { notifications: noEmail })), ids(1));
    const [c] = notificationRowsOf([event({ type })], recipients(recipient(ADA, { notifications: emailOnly })), ids(1));
    expect([a.inApp, a.emailStatus, a.emailDetail]).toEqual([true, 'pending', null]);
    expect([b.inApp, b.emailStatus, b.emailDetail]).toEqual([true, 'skipped', 'preference_off']);
    expect([c.inApp, c.emailStatus, c.emailDetail]).toEqual([false, 'pending', null]);
  });

  it('uses the default preferences without saved ones: a favourite pet change is in-app only', () => {
    const [row] = notificationRowsOf([event()], recipients(recipient(ADA)), ids(1));
    expect([row.inApp, row.emailStatus, row.emailDetail]).toEqual([true, 'skipped', 'preference_off']);
  });

  it('writes nothing for an unknown or deleted recipient, nor when no channel would show it', () => {
    const silent = { ...DEFAULT_PREFERENCES.notifications, petUpdates: { email: false, inApp: false } };
    const inAppOffUnverified = { ...DEFAULT_PREFERENCES.notifications, petUpdates: { email: true, inApp: false } };
    expect(notificationRowsOf([event()], recipients(), ids(1))).toEqual([]);
    expect(notificationRowsOf([event()], recipients(recipient(ADA, { status: 'deleted' })), ids(1))).toEqual([]);
    expect(notificationRowsOf([event()], recipients(recipient(ADA, { notifications: silent })), ids(1))).toEqual([]);
    expect(notificationRowsOf([event()], recipients(recipient(ADA, { notifications: inAppOffUnverified, emailVerifiedAt: null })), ids(1))).toEqual([]);
  });

  it('keeps in-app rows of deactivated accounts, without their e-mail', () => {
    const [row] = notificationRowsOf([event({ type: 'message_received' })], recipients(recipient(ADA, { status: 'deactivated' })), ids(1));
    expect([row.inApp, row.emailStatus, row.emailDetail]).toEqual([true, 'skipped', 'account_inactive']);
  });
});

describe('notification links', () => {
  it('point to the API path of the record and to its page in the web app', () => {
    expect(notificationLinkOf('application', PET)).toBe(`/api/v1/applications/${PET}`);
    expect(notificationLinkOf('pet', PET)).toBe(`/api/v1/pets/${PET}`);
    expect(notificationWebPathOf('pet', PET)).toBe(`pets/${PET}`);
  });
});
