import { describe, expect, it } from 'vitest';
import { sessionCursor } from './sessions.service';

describe('session cursors', () => {
  it('round-trip the keyset position (last use, id) with millisecond precision', () => {
    const position = { lastUsedAt: new Date('2026-03-04T05:06:07.089Z'), id: '01890a5d-ac96-774b-bcce-b302099a8057' };
    expect(sessionCursor.decode(sessionCursor.encode(position))).toEqual(position);
  });

  it.each(['', 'not-base64-json', Buffer.from('["yesterday","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])(
    'refuse a cursor the API did not make (%s) with VALIDATION_FAILED',
    (cursor) => {
      expect(() => sessionCursor.decode(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    },
  );
});
