import { newId } from '@app/common';
import { describe, expect, it } from 'vitest';
import { dateTime, nullable, object, optional, problemsOf, record, string, uuid } from './payload-schema';

describe('payload schemas', () => {
  const schema = object({
    id: uuid(),
    owner: object({ name: string({ max: 3 }), tags: record(string({ max: 2 })) }),
    at: optional(dateTime()),
    note: nullable(string({ max: 5 })),
  });

  it('report every problem, each with its path', () => {
    expect(problemsOf(schema, { id: 'x', owner: { name: 'Biscuit', tags: { a: 'ok', b: 'long' } }, at: 'soon' })).toBe(
      'id must be an id (UUIDv7); owner.name must be a string of 1–3 characters; owner.tags.b must be a string of 1–2 characters; at must be an RFC 3339 date-time; note must be a string of 1–5 characters, or null',
    );
  });

  it('accept a fitting value, an optional key missing, a nullable one null', () => {
    expect(problemsOf(schema, { id: newId(), owner: { name: 'Bo', tags: {} }, note: null })).toBeNull();
  });

  it('count characters, not UTF-16 units, as a VARCHAR does', () => {
    expect(problemsOf(string({ max: 3 }), '🐶🐱🐭')).toBeNull();
    expect(problemsOf(string({ max: 3 }), '🐶🐱🐭🐹')).toMatch(/must be a string of 1–3 characters/);
  });

  it('refuse a date-time that only Date.parse would take', () => {
    expect(problemsOf(dateTime(), new Date().toISOString())).toBeNull();
    expect(problemsOf(dateTime(), '2026-01-01T00:00:00+01:00')).toBeNull();
    expect(problemsOf(dateTime(), 'Thu, 01 Jan 2026 00:00:00 GMT')).toMatch(/RFC 3339/);
    expect(problemsOf(dateTime(), '2026-13-45T99:00:00Z')).toMatch(/RFC 3339/);
  });
});
