import { describe, expect, it } from 'vitest';
import { clearedRefreshCookie, readCookie, refreshCookie } from './refresh-cookie';

describe('refresh cookie', () => {
  it('is host-bound, httpOnly, Secure, SameSite=Strict, scoped to the auth routes and lives as long as the token', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(refreshCookie('abc_-123', new Date(now + 90_500), now)).toBe(
      '__Secure-refresh_token=abc_-123; Max-Age=90; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict',
    );
    expect(refreshCookie('abc', new Date(now - 1000), now)).toContain('Max-Age=0;');
    expect(clearedRefreshCookie()).toBe('__Secure-refresh_token=; Max-Age=0; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict');
  });

  it('reads one cookie out of a Cookie header', () => {
    const header = 'theme=dark; __Secure-refresh_token=tok%2Den; other="quoted"';
    expect(readCookie(header, '__Secure-refresh_token')).toBe('tok-en');
    expect(readCookie(header, 'other')).toBe('quoted');
    expect(readCookie(header, 'refresh_token')).toBeUndefined();
    expect(readCookie(undefined, 'theme')).toBeUndefined();
    expect(readCookie('broken=%E0%A4%A', 'broken')).toBeUndefined();
  });
});
