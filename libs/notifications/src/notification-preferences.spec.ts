import { NotificationType } from '@app/contracts';
import { DEFAULT_PREFERENCES } from '@app/identity';
import { describe, expect, it } from 'vitest';
import { channelsFor, emailSkipReasonOf, NOTIFICATION_CATEGORY } from './notification-preferences';

const off = { email: false, inApp: false };
const on = { email: true, inApp: true };

describe('notification categories and channels', () => {
  it('maps application_* to applicationUpdates, message_received to messages, favorite_pet_status_changed to petUpdates', () => {
    expect(NOTIFICATION_CATEGORY).toEqual({
      application_submitted: 'applicationUpdates',
      application_status_changed: 'applicationUpdates',
      application_assigned: 'applicationUpdates',
      message_received: 'messages',
      favorite_pet_status_changed: 'petUpdates',
    });
    expect(Object.keys(NOTIFICATION_CATEGORY).sort()).toEqual(Object.values(NotificationType).sort());
  });

  it("reads the type's category from saved preferences", () => {
    const saved = { ...DEFAULT_PREFERENCES.notifications, applicationUpdates: off, petUpdates: on };
    expect(channelsFor(saved, 'application_assigned')).toEqual(off);
    expect(channelsFor(saved, 'favorite_pet_status_changed')).toEqual(on);
    expect(channelsFor(saved, 'message_received')).toEqual(DEFAULT_PREFERENCES.notifications.messages);
  });

  it('falls back to DEFAULT_PREFERENCES without saved preferences or without the category', () => {
    expect(channelsFor(null, 'favorite_pet_status_changed')).toEqual({ email: false, inApp: true });
    expect(channelsFor(undefined, 'application_submitted')).toEqual({ email: true, inApp: true });
    expect(channelsFor({ newsletter: off } as never, 'message_received')).toEqual({ email: true, inApp: true });
  });
});

describe('emailSkipReasonOf', () => {
  const verified = new Date('2026-01-01T00:00:00Z');

  it('mails an active, verified account that wants e-mail', () => {
    expect(emailSkipReasonOf({ status: 'active', emailVerifiedAt: verified }, on)).toBeNull();
  });

  it.each([
    ['deactivated', { status: 'deactivated' as const, emailVerifiedAt: verified }, on, 'account_inactive'],
    ['pending deletion', { status: 'pending_deletion' as const, emailVerifiedAt: verified }, on, 'account_inactive'],
    ['deleted', { status: 'deleted' as const, emailVerifiedAt: null }, on, 'account_inactive'],
    ['unverified', { status: 'active' as const, emailVerifiedAt: null }, on, 'email_unverified'],
    ['e-mail turned off', { status: 'active' as const, emailVerifiedAt: verified }, { email: false, inApp: true }, 'preference_off'],
  ])('does not mail an account that is %s', (_name, recipient, channels, reason) => {
    expect(emailSkipReasonOf(recipient, channels)).toBe(reason);
  });
});
