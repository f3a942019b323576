import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toKeysetPage } from './keyset-cursor';

const position = { createdAt: new Date('2026-03-04T05:06:07.089Z'), id: '01900000-0000-7000-8000-000000000001' };

describe('keyset cursors', () => {
  it('round-trips a position with millisecond precision', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses anything it did not encode as VALIDATION_FAILED on the cursor field', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'garbage',
      forged({ a: 1 }),
      forged(['yesterday', position.id]),
      forged([position.createdAt.toISOString(), "x' OR 1=1 -- aaaaaaaaaaaaaaaaaaaaaa"]),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'cursor' })] } }),
      );
    }
  });

  it('builds a page from limit + 1 rows: the extra row only tells that a next page exists', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(Date.UTC(2026, 0, 4 - n)), id: `0190000${n}-0000-7000-8000-000000000000` }));
    const page = toKeysetPage(rows, 2, (r) => r.id);
    expect(page.items).toEqual([rows[0].id, rows[1].id]);
    expect(decodeCursor(page.nextCursor!)).toEqual(rows[1]);
    expect(toKeysetPage(rows.slice(0, 2), 2, (r) => r.id).nextCursor).toBeNull();
  });
});
