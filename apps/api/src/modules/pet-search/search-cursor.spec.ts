import { describe, expect, it } from 'vitest';
import { decodeSearchCursor, encodeSearchCursor, InvalidCursorError, searchFingerprintOf, type SearchCursor } from './search-cursor';

const id = '01937c2e-8a4b-7c3d-9e8f-0123456789ab';
const fingerprint = searchFingerprintOf({ species: ['dog'] });
const newest: SearchCursor = { sort: 'newest', position: { key: '2026-01-02T03:04:05.678Z', id }, fingerprint, total: 1234 };
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidCursorError) return error.reason;
    throw error;
  }
  return 'accepted';
};
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('search cursors', () => {
  it('round-trip the sort key, id and total of every sort', () => {
    const cursors: SearchCursor[] = [
      newest,
      { ...newest, sort: 'oldest' },
      { ...newest, sort: 'name', position: { key: "Bella O'Neill", id } },
      { ...newest, sort: 'distance', position: { key: 12345, id }, total: 10000 },
    ];
    for (const cursor of cursors) expect(decodeSearchCursor(encodeSearchCursor(cursor), cursor.sort, fingerprint, 10000)).toEqual(cursor);
  });

  it('are opaque base64url', () => {
    expect(encodeSearchCursor(newest)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse a cursor of another sort', () => {
    expect(reason(() => decodeSearchCursor(encodeSearchCursor(newest), 'oldest', fingerprint, 10000))).toBe('other-sort');
    expect(reason(() => decodeSearchCursor(encodeSearchCursor(newest), 'name', fingerprint, 10000))).toBe('other-sort');
  });

  it('refuse a cursor of other filters', () => {
    expect(reason(() => decodeSearchCursor(encodeSearchCursor(newest), 'newest', searchFingerprintOf({ species: ['cat'] }), 10000))).toBe('other-search');
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['an array', raw(['newest', '2026-01-02T03:04:05.678Z', id])],
    ['an unknown sort', raw({ s: 'random', k: 1, i: id, f: fingerprint, t: 1 })],
    ['a bad id', raw({ s: 'newest', k: '2026-01-02T03:04:05.678Z', i: "x' OR 1=1 --", f: fingerprint, t: 1 })],
    ['a bad time', raw({ s: 'newest', k: '2026-13-45T03:04:05.678Z', i: id, f: fingerprint, t: 1 })],
    ['a time without milliseconds', raw({ s: 'newest', k: '2026-01-02T03:04:05Z', i: id, f: fingerprint, t: 1 })],
    ['a fractional distance', raw({ s: 'distance', k: 1.5, i: id, f: fingerprint, t: 1 })],
    ['a negative total', raw({ s: 'newest', k: '2026-01-02T03:04:05.678Z', i: id, f: fingerprint, t: -1 })],
    ['a total over the cap', raw({ s: 'newest', k: '2026-01-02T03:04:05.678Z', i: id, f: fingerprint, t: 10001 })],
    ['an extra field', raw({ s: 'newest', k: '2026-01-02T03:04:05.678Z', i: id, f: fingerprint, t: 1, x: 1 })],
    ['an empty name', raw({ s: 'name', k: '', i: id, f: fingerprint, t: 1 })],
  ])('refuse %s', (_what, value) => {
    let sort: unknown;
    try {
      sort = (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { s?: unknown }).s;
    } catch {
      sort = undefined;
    }
    expect(reason(() => decodeSearchCursor(value, sort === 'distance' || sort === 'name' ? sort : 'newest', fingerprint, 10000))).toBe('malformed');
  });
});
