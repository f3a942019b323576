import { describe, expect, it } from 'vitest';
import { quietHoursEndAt } from './quiet-hours';

const night = { enabled: true, start: '22:00', end: '07:00' };
const lunch = { enabled: true, start: '12:00', end: '13:30' };
const at = (iso: string) => new Date(iso);
const endAt = (now: string, quietHours = night, zone = 'UTC') => quietHoursEndAt(at(now), quietHours, zone)?.toISOString() ?? null;

describe('quietHoursEndAt', () => {
  it('is null while disabled, outside the window, or for an empty window (start = end)', () => {
    expect(endAt('2026-06-10T23:00:00.000Z', { ...night, enabled: false })).toBeNull();
    expect(endAt('2026-06-10T12:00:00.000Z')).toBeNull();
    expect(endAt('2026-06-10T23:00:00.000Z', { enabled: true, start: '08:00', end: '08:00' })).toBeNull();
  });

  it('crossing midnight: in the evening part the window ends tomorrow, after midnight it ends today', () => {
    expect(endAt('2026-06-10T23:15:30.000Z')).toBe('2026-06-11T07:00:00.000Z');
    expect(endAt('2026-06-11T03:00:00.000Z')).toBe('2026-06-11T07:00:00.000Z');
    expect(endAt('2026-12-31T22:30:00.000Z')).toBe('2027-01-01T07:00:00.000Z');
  });

  it('includes the start minute and excludes the end minute', () => {
    expect(endAt('2026-06-10T22:00:00.000Z')).toBe('2026-06-11T07:00:00.000Z');
    expect(endAt('2026-06-10T21:59:59.999Z')).toBeNull();
    expect(endAt('2026-06-11T06:59:59.999Z')).toBe('2026-06-11T07:00:00.000Z');
    expect(endAt('2026-06-11T07:00:00.000Z')).toBeNull();
  });

  it('a window within one day', () => {
    expect(endAt('2026-06-10T12:45:00.000Z', lunch)).toBe('2026-06-10T13:30:00.000Z');
    expect(endAt('2026-06-10T13:30:00.000Z', lunch)).toBeNull();
    expect(endAt('2026-06-10T23:00:00.000Z', lunch)).toBeNull();
  });

  it("reads the window in the user's time zone", () => {
    // London in summer is UTC+1: 22:30 local is 21:30Z, and 07:00 local is 06:00Z.
    expect(endAt('2026-06-10T21:30:00.000Z', night, 'Europe/London')).toBe('2026-06-11T06:00:00.000Z');
    expect(endAt('2026-06-10T21:30:00.000Z', night, 'UTC')).toBeNull();
    // New York in winter is UTC-5: 02:00Z is 21:00 local (outside), 04:00Z is 23:00 local (inside, ends 12:00Z).
    expect(endAt('2026-01-15T02:00:00.000Z', night, 'America/New_York')).toBeNull();
    expect(endAt('2026-01-15T04:00:00.000Z', night, 'America/New_York')).toBe('2026-01-15T12:00:00.000Z');
    // Kolkata is UTC+5:30: 17:00Z is 22:30 local; 07:00 local is 01:30Z.
    expect(endAt('2026-06-10T17:00:00.000Z', night, 'Asia/Kolkata')).toBe('2026-06-11T01:30:00.000Z');
    // Auckland (UTC+12 in winter) is already on the next calendar day.
    expect(endAt('2026-06-10T11:00:00.000Z', night, 'Pacific/Auckland')).toBe('2026-06-10T19:00:00.000Z');
  });

  it('ends at the local end time across a daylight-saving change', () => {
    // London springs forward on 29 March 2026 at 01:00Z: 00:30 GMT is inside, 07:00 BST is 06:00Z.
    expect(endAt('2026-03-29T00:30:00.000Z', night, 'Europe/London')).toBe('2026-03-29T06:00:00.000Z');
    // ...and falls back on 25 October 2026 at 01:00Z: 23:00 BST (22:00Z) ends at 07:00 GMT = 07:00Z.
    expect(endAt('2026-10-24T22:00:00.000Z', night, 'Europe/London')).toBe('2026-10-25T07:00:00.000Z');
    // An end time inside the gap (01:30 does not exist that night) ends once the clocks have moved.
    expect(endAt('2026-03-29T00:10:00.000Z', { enabled: true, start: '00:00', end: '01:30' }, 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('treats a time zone that is not an IANA name as UTC', () => {
    expect(endAt('2026-06-10T23:00:00.000Z', night, 'Mars/Olympus_Mons')).toBe('2026-06-11T07:00:00.000Z');
  });
});
