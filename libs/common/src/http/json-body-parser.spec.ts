import { describe, expect, it } from 'vitest';
import { jsonNestingExceeds } from './json-body-parser';

const exceeds = (text: string, maxDepth: number) => jsonNestingExceeds(Buffer.from(text, 'utf8'), maxDepth);

describe('jsonNestingExceeds', () => {
  it('counts nested objects and arrays alike', () => {
    expect(exceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(exceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(exceeds('[1,[2],[3],{"x":[4]}]', 3)).toBe(false);
    expect(exceeds('1', 1)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceeds('{"a":"[[[{{{"}', 1)).toBe(false);
    expect(exceeds('{"a\\"[[":"\\\\","b":"\\"{{{"}', 1)).toBe(false);
    expect(exceeds('{"é[":"日本[[["}', 1)).toBe(false);
    expect(exceeds('["\\\\",[["\\"]"]]]', 3)).toBe(false);
    expect(exceeds('["\\\\",[["\\"]"]]]', 2)).toBe(true);
  });

  it('stops at the first level too many of a very deep body', () => {
    expect(exceeds(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 32)).toBe(true);
  });
});
