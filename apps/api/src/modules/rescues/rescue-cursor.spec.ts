import { describe, expect, it } from 'vitest';
import { nameCursor } from './rescue-cursor';

describe('directory cursor', () => {
  it('round-trips a position and refuses anything it did not issue', () => {
    const position = { name: 'Ünïcode "Paws"', id: '01a2017f-8481-70b7-8f0a-6001bb9a48bb' };
    expect(nameCursor.decode(nameCursor.encode(position))).toEqual(position);
    expect(nameCursor.decode(undefined)).toBeNull();
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['%%%', forged({ name: 'x' }), forged(['x', 'not-an-id']), forged([1, position.id]), forged(['x'.repeat(151), position.id])]) {
      expect(() => nameCursor.decode(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});
