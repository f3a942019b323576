import { newId } from '@app/common';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EMAIL_REQUIRED_PARAMS, EMAIL_TEMPLATES, invalidPayloadReason, JOB, JOB_PAYLOADS, type JobName, type JobPayloads } from './queues';

const ID = newId();
const NOT_AN_ID = "1' OR 1=1";
/** A UUID, but not one of ours (version 4): ids are UUIDv7 everywhere. */
const UUID_V4 = '3f1c2b9e-8d4a-4e5b-9c7d-1a2b3c4d5e6f';

const change: JobPayloads[typeof JOB.fanOutPetStatusChange] = { petId: ID, petName: 'Biscuit', from: 'available', to: 'adopted', actorId: ID, changeId: ID };
const mail: JobPayloads[typeof JOB.sendEmail] = { template: 'verify-email', to: 'ada@example.org', userId: ID, params: { token: 't' } };
const auditEntry: JobPayloads[typeof JOB.writeAuditEntry] = {
  id: ID,
  actorId: null,
  action: 'pet.published',
  targetType: 'pet',
  targetId: 't1',
  before: null,
  after: { status: 'published' },
  requestId: 'req-1',
  ip: '127.0.0.1',
  createdAt: new Date().toISOString(),
};

/**
 * For every job: payloads its producers enqueue (typed, so the table breaks when a payload type changes), and
 * poison payloads with what the reason must name. The mapped type makes a job without a row a compile error.
 */
const CASES: { [N in JobName]: { fits: Array<JobPayloads[N]>; poison: Array<[string, unknown, RegExp]> } } = {
  [JOB.purgeIdempotencyKeys]: {
    fits: [{}, { trackedJobId: ID }],
    poison: [['a tracked job id that is not an id', { trackedJobId: NOT_AN_ID }, /trackedJobId must be an id/]],
  },
  [JOB.purgeNotifications]: {
    fits: [{}, { trackedJobId: ID }],
    poison: [['a tracked job id that is not a string', { trackedJobId: 42 }, /trackedJobId must be an id/]],
  },
  [JOB.exportUserData]: {
    fits: [{ userId: ID, trackedJobId: ID }],
    poison: [
      ['no tracked job id (the export is stored under it)', { userId: ID }, /trackedJobId must be an id/],
      ['no user id', { trackedJobId: ID }, /userId must be an id/],
      ['a user id that is not an id', { userId: NOT_AN_ID, trackedJobId: ID }, /userId must be an id/],
    ],
  },
  [JOB.anonymiseUser]: {
    fits: [{ userId: ID }, { userId: ID, trackedJobId: ID }],
    poison: [
      ['a user id that is a UUID of another version', { userId: UUID_V4 }, /userId must be an id/],
      ['a user id in upper case', { userId: ID.toUpperCase() }, /userId must be an id/],
    ],
  },
  [JOB.sendEmail]: {
    fits: [mail, { template: 'account-exists', to: 'ada@example.org', userId: null, params: {} }],
    poison: [
      ['an unknown template', { ...mail, template: 'welcome' }, /template must be one of verify-email, /],
      ['a bad recipient', { ...mail, to: 'not an address' }, /to must be an e-mail address/],
      ['a user id that is not an id', { ...mail, userId: 'u1' }, /userId must be an id/],
      ['a param that is not a string', { ...mail, params: { token: 5 } }, /params\.token must be a string/],
      [
        'a missing required param',
        { ...mail, template: 'staff-invitation', params: { token: 't' } },
        /params of staff-invitation must include rescueName, role/,
      ],
      ['no params', { ...mail, params: null }, /params must be an object/],
    ],
  },
  [JOB.deliverNotificationEmail]: {
    fits: [{ notificationId: ID }],
    poison: [
      ['no id', {}, /notificationId must be an id/],
      ['an id that is not an id', { notificationId: NOT_AN_ID }, /notificationId must be an id/],
    ],
  },
  [JOB.fanOutPetStatusChange]: {
    fits: [change, { ...change, actorId: null, trackedJobId: ID }],
    poison: [
      ['no pet id', { ...change, petId: undefined }, /petId must be an id/],
      ['a change id that is not an id', { ...change, changeId: 'x' }, /changeId must be an id/],
      ['a blank pet name', { ...change, petName: ' ' }, /petName must be a string/],
      ['a pet name over 100 characters', { ...change, petName: 'N'.repeat(101) }, /petName must be a string of 1–100/],
      ['an unknown availability', { ...change, to: 'sold' }, /to must be one of available, /],
      ['an actor that is not an id', { ...change, actorId: 42 }, /actorId must be an id/],
    ],
  },
  [JOB.writeAuditEntry]: {
    fits: [auditEntry, { ...auditEntry, actorId: ID, targetId: null, requestId: null, ip: null, before: [1, 'two'] }],
    poison: [
      [
        'no id, action or target type',
        { createdAt: auditEntry.createdAt },
        /^id must be an id \(UUIDv7\); actorId must be an id \(UUIDv7\), or null; action must be a string of 1–64 characters; targetType must be /,
      ],
      ['an action longer than its column', { ...auditEntry, action: 'a'.repeat(65) }, /action must be a string of 1–64 characters/],
      ['a creation time that is not a date-time', { ...auditEntry, createdAt: 'yesterday' }, /createdAt must be an RFC 3339 date-time/],
    ],
  },
};

describe.each(Object.keys(CASES) as JobName[])('the payload of %s', (name) => {
  it.each(CASES[name].fits.map((payload) => [JSON.stringify(payload), payload]))('accepts %s', (_json, payload) => {
    expect(invalidPayloadReason(name, payload)).toBeNull();
  });

  it.each(CASES[name].poison)('refuses %s', (_case, payload, reason) => {
    expect(invalidPayloadReason(name, payload)).toMatch(reason);
  });

  it.each([null, 'x', 42, [], undefined])('refuses %j, which is no object', (payload) => {
    expect(invalidPayloadReason(name, payload)).toBe('payload must be an object');
  });
});

describe('job payload schemas', () => {
  it('cover every job name', () => {
    expect(Object.keys(JOB_PAYLOADS).sort()).toEqual(Object.values(JOB).sort());
  });

  it('accept every id newId makes', () => {
    for (let i = 0; i < 1000; i++) expect(invalidPayloadReason(JOB.deliverNotificationEmail, { notificationId: newId() })).toBeNull();
  });

  it('let through keys they do not declare (the producer adds notBefore to a delayed job; a newer producer may add more)', () => {
    expect(invalidPayloadReason(JOB.anonymiseUser, { userId: ID, trackedJobId: ID, notBefore: '2026-01-01T00:00:00.000Z' })).toBeNull();
  });

  it.each(EMAIL_TEMPLATES)('accept the %s e-mail with the params it needs, and refuse it without any one of them', (template) => {
    const required: readonly string[] = EMAIL_REQUIRED_PARAMS[template];
    const params = Object.fromEntries(required.map((key) => [key, 'v']));
    expect(invalidPayloadReason(JOB.sendEmail, { ...mail, template, params })).toBeNull();
    for (const key of required) {
      const { [key]: _left, ...without } = params;
      expect(invalidPayloadReason(JOB.sendEmail, { ...mail, template, params: without })).toBe(`params of ${template} must include ${key}`);
    }
  });

  it('give each payload the type its handler reads', () => {
    expectTypeOf<JobPayloads[typeof JOB.anonymiseUser]>().toEqualTypeOf<{ userId: string; trackedJobId?: string }>();
    expectTypeOf<JobPayloads[typeof JOB.exportUserData]>().toEqualTypeOf<{ userId: string; trackedJobId: string }>();
    expectTypeOf<JobPayloads[typeof JOB.sendEmail]['params']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<JobPayloads[typeof JOB.fanOutPetStatusChange]['to']>().toEqualTypeOf<
      'available' | 'on_hold' | 'pending' | 'adopted' | 'fostered' | 'not_available'
    >();
    expectTypeOf<JobPayloads[typeof JOB.writeAuditEntry]['actorId']>().toEqualTypeOf<string | null>();
  });
});
