import { describe, expect, it } from 'vitest';
import { tightest } from './rate-limiter';

describe('tightest', () => {
  it('shows an exceeded bucket, the one that resets last among several', () => {
    const global = { limit: 600, remaining: 0, resetSeconds: 10, exceeded: true };
    const auth = { limit: 20, remaining: 0, resetSeconds: 50, exceeded: true };
    expect(tightest([global, auth])).toBe(auth);
    expect(tightest([{ ...auth, exceeded: false, remaining: 3 }, global])).toBe(global);
  });

  it('otherwise shows the bucket closest to its limit', () => {
    const global = { limit: 600, remaining: 590, resetSeconds: 10, exceeded: false };
    const auth = { limit: 20, remaining: 19, resetSeconds: 50, exceeded: false };
    expect(tightest([global, auth])).toBe(auth);
  });
});
