// Access tokens, refresh-token rotation and reuse detection, the cookie transport, and the caller's sessions.
import { createHmac } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiResponse, type TestApi } from '../support/api';
import { claimsOf, createUser, signIn, type TestUser } from '../support/identity';
import { isolatedRedisPrefix } from '../support/worker';

let api: TestApi;
let dataSource: DataSource;

beforeAll(async () => {
  api = await startApi({ REDIS_PREFIX: isolatedRedisPrefix('auth-tokens') });
  dataSource = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => api?.close());

const refresh = (refreshToken: string) => api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
const me = (token: string) => api.request('GET', '/api/v1/auth/me', { token });

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function forge(header: object, claims: object, secret = api.config.JWT_SECRET): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('access tokens', () => {
  let user: TestUser;
  let valid: Record<string, unknown>;
  const header = { alg: 'HS256', typ: 'at+jwt' };
  beforeAll(async () => {
    user = await createUser(api);
    const now = Math.floor(Date.now() / 1000);
    valid = {
      sub: user.id,
      sid: user.sessionId,
      role: 'adopter',
      typ: 'at+jwt',
      iss: api.config.JWT_ISSUER,
      aud: api.config.JWT_AUDIENCE,
      iat: now,
      nbf: now,
      exp: now + 600,
    };
  });

  it('accepts a well-formed token (the control for the attacks below)', async () => {
    expect((await me(forge(header, valid))).status).toBe(200);
    expect((await me(user.token)).status).toBe(200);
  });

  it.each([
    ['expired', () => forge(header, { ...valid, exp: Math.floor(Date.now() / 1000) - 10 })],
    ['not yet valid', () => forge(header, { ...valid, nbf: Math.floor(Date.now() / 1000) + 600 })],
    ['with a tampered signature', () => forge(header, valid).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
    ['with a tampered payload', () => `${b64(header)}.${b64({ ...valid, role: 'super_admin' })}.${forge(header, valid).split('.')[2]}`],
    ['signed with another key', () => forge(header, valid, 'another-secret-that-is-long-enough-0123456789')],
    ['with alg none', () => `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(valid)}.`],
    ['for another audience', () => forge(header, { ...valid, aud: 'someone-else' })],
    ['from another issuer', () => forge(header, { ...valid, iss: 'https://evil.example.com' })],
    ['without the access-token type', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid, typ: undefined })],
    ['without a session', () => forge(header, { ...valid, sid: undefined })],
  ])('refuses a token %s with 401', async (_name, make) => {
    const res = await me(make());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a refresh token used as an access token, and an access token used as a refresh token', async () => {
    const tokens = await signIn(api, user);
    expect((await me(tokens.refreshToken)).status).toBe(401);
    // A JWT is longer than any refresh token, so the contract's maxLength already refuses it (400).
    const swapped = await refresh(tokens.accessToken);
    expect(swapped.status).toBe(400);
    expect(swapped.body.details.fields[0].field).toBe('refreshToken');
    expect((await me(tokens.accessToken)).status).toBe(200);
  });
});

describe('refresh-token rotation', () => {
  it('issues a new pair and spends the old refresh token', async () => {
    const user = await createUser(api);
    const first = await signIn(api, user);
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body).toMatchObject({ tokenType: 'Bearer', sessionId: first.sessionId });
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(rotated.body.accessToken)).status).toBe(200);
    const stored = await dataSource.query('SELECT token_hash FROM refresh_tokens WHERE session_id = ?', [first.sessionId]);
    expect(stored.map((r: { token_hash: string }) => r.token_hash)).not.toContain(first.refreshToken);
    expect(stored).toHaveLength(2);
  });

  it('revokes the whole session when a spent refresh token comes back (reuse detection)', async () => {
    const user = await createUser(api);
    const first = await signIn(api, user);
    const second = (await refresh(first.refreshToken)).body;
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    // The thief's replay also kills what the legitimate client holds: the family is dead.
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
    const [session] = await dataSource.query('SELECT revoked_reason FROM auth_sessions WHERE id = ?', [first.sessionId]);
    expect(session.revoked_reason).toBe('refresh_reuse');
    const audit = await dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.refresh_token_reused' AND target_id = ?", [user.id]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const user = await createUser(api);
    const tokens = await signIn(api, user);
    const results = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('refuses an unknown refresh token and a missing one', async () => {
    expect((await refresh('x'.repeat(43))).status).toBe(401);
    const none = await api.request('POST', '/api/v1/auth/refresh', { body: {} });
    expect(none.status).toBe(401);
  });

  it('lets a refresh token lapse after the idle timeout', async () => {
    const user = await createUser(api);
    const tokens = await signIn(api, user);
    const idleEnd = new Date(tokens.refreshTokenExpiresAt).getTime();
    expect(idleEnd - Date.now()).toBeGreaterThan((api.config.REFRESH_IDLE_TIMEOUT_SECONDS - 60) * 1000);
    await dataSource.query('UPDATE refresh_tokens SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE session_id = ?', [tokens.sessionId]);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
  });

  it('ends a session at its absolute lifetime however often it is refreshed, and caps refresh tokens by it', async () => {
    const user = await createUser(api);
    const tokens = await signIn(api, user);
    const [row] = await dataSource.query('SELECT expires_at, created_at FROM auth_sessions WHERE id = ?', [tokens.sessionId]);
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(api.config.SESSION_MAX_AGE_SECONDS * 1000);

    await dataSource.query('UPDATE auth_sessions SET expires_at = CURRENT_TIMESTAMP(3) + INTERVAL 1 HOUR WHERE id = ?', [tokens.sessionId]);
    const capped = await refresh(tokens.refreshToken);
    expect(capped.status).toBe(200);
    const [session] = await dataSource.query('SELECT expires_at FROM auth_sessions WHERE id = ?', [tokens.sessionId]);
    expect(capped.body.refreshTokenExpiresAt).toBe(new Date(session.expires_at).toISOString());

    await dataSource.query('UPDATE auth_sessions SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [tokens.sessionId]);
    expect((await refresh(capped.body.refreshToken)).status).toBe(401);
  });

  it('reads status and role at refresh: a deactivated user cannot refresh, a role change bites', async () => {
    const user = await createUser(api);
    const tokens = await signIn(api, user);
    await dataSource.query("UPDATE users SET role = 'moderator' WHERE id = ?", [user.id]);
    const promoted = await refresh(tokens.refreshToken);
    expect(promoted.status).toBe(200);
    expect(claimsOf(promoted.body.accessToken).role).toBe('moderator');

    await dataSource.query("UPDATE users SET status = 'deactivated' WHERE id = ?", [user.id]);
    expect((await refresh(promoted.body.refreshToken)).status).toBe(401);
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(401);
  });
});

describe('refresh token in a cookie', () => {
  const cookieOf = (setCookie: string | null) => /__Secure-refresh_token=([^;]*)/.exec(setCookie ?? '')?.[1];

  it('sets an httpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth, rotates it and clears it on sign-out', async () => {
    const user = await createUser(api);
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, refreshTokenTransport: 'cookie' } });
    expect(login.status).toBe(200);
    expect(login.body.tokens.refreshToken).toBeUndefined();
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Secure-refresh_token=[A-Za-z0-9_-]{43}; /);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) expect(setCookie).toContain(attribute);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(Math.abs(maxAge - (new Date(login.body.tokens.refreshTokenExpiresAt).getTime() - Date.now()) / 1000)).toBeLessThan(5);

    const cookie = cookieOf(setCookie)!;
    const rotated = await api.request('POST', '/api/v1/auth/refresh', { body: {}, headers: { cookie: `theme=dark; __Secure-refresh_token=${cookie}` } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toBeUndefined();
    const next = cookieOf(rotated.headers.get('set-cookie'));
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).not.toBe(cookie);

    const stale = await api.request('POST', '/api/v1/auth/refresh', { body: {}, headers: { cookie: `__Secure-refresh_token=${cookie}` } });
    expect(stale.status).toBe(401);
    expect(stale.headers.get('set-cookie')).toContain('Max-Age=0');

    const fresh = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, refreshTokenTransport: 'cookie' } });
    const logout = await api.request('POST', '/api/v1/auth/logout', { token: fresh.body.tokens.accessToken });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^__Secure-refresh_token=; Max-Age=0; Path=\/api\/v1\/auth; HttpOnly; Secure; SameSite=Strict$/);
    const afterLogout = await api.request('POST', '/api/v1/auth/refresh', {
      body: {},
      headers: { cookie: `__Secure-refresh_token=${cookieOf(fresh.headers.get('set-cookie'))}` },
    });
    expect(afterLogout.status).toBe(401);
  });
});

describe('sign-out and sessions', () => {
  it('signs out: the access token stops at once and the refresh token is dead', async () => {
    const user = await createUser(api);
    const tokens = await signIn(api, user);
    expect((await api.request('POST', '/api/v1/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    expect((await me(tokens.accessToken)).status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    expect((await me(user.token)).status).toBe(200); // the user's other session is untouched
  });

  it('lists live sessions, most recently used first, with cursor pagination and the current one marked', async () => {
    const user = await createUser(api);
    const phone = await signIn(api, user, { deviceName: 'Phone' });
    const laptop = await signIn(api, user, { deviceName: 'Laptop' });
    await refresh(phone.refreshToken); // phone is now the most recently used
    const revoked = await signIn(api, user, { deviceName: 'Old tablet' });
    await api.request('POST', '/api/v1/auth/logout', { token: revoked.accessToken });

    const all = await api.request('GET', '/api/v1/auth/sessions', { token: laptop.accessToken });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((s: { device: string }) => s.device)).toEqual(['Phone', 'Laptop', 'test']);
    expect(all.body.items.map((s: { current: boolean }) => s.current)).toEqual([false, true, false]);
    expect(all.body.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await api.request('GET', `/api/v1/auth/sessions?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: laptop.accessToken });
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].device);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Phone', 'Laptop', 'test']);

    expect((await api.request('GET', '/api/v1/auth/sessions?cursor=bm90LWEtY3Vyc29y', { token: laptop.accessToken })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/auth/sessions?limit=101', { token: laptop.accessToken })).status).toBe(400);
  });

  it("revokes one of the caller's sessions, and answers 404 for another user's session", async () => {
    const owner = await createUser(api);
    const stranger = await createUser(api);
    const phone = await signIn(api, owner, { deviceName: 'Phone' });

    const foreign = await api.request('DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, { token: stranger.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await refresh(phone.refreshToken)).status).toBe(200);
    expect((await api.request('DELETE', '/api/v1/auth/sessions/00000000-0000-7000-8000-000000000000', { token: owner.token })).status).toBe(404);

    const phoneTokens = await signIn(api, owner, { deviceName: 'Phone 2' });
    expect((await api.request('DELETE', `/api/v1/auth/sessions/${phoneTokens.sessionId}`, { token: owner.token })).status).toBe(204);
    expect((await refresh(phoneTokens.refreshToken)).status).toBe(401);
    expect((await me(phoneTokens.accessToken)).status).toBe(401);
    // Revoking it again is not an error: it is still the caller's own session.
    expect((await api.request('DELETE', `/api/v1/auth/sessions/${phoneTokens.sessionId}`, { token: owner.token })).status).toBe(204);
  });

  it('revokes every other session of the caller and keeps the current one', async () => {
    const user = await createUser(api);
    const other = await signIn(api, user, { deviceName: 'Other' });
    const here = await signIn(api, user, { deviceName: 'Here' });
    expect((await api.request('POST', '/api/v1/auth/sessions/revoke-all', { token: here.accessToken })).status).toBe(204);
    expect((await refresh(other.refreshToken)).status).toBe(401);
    expect((await me(user.token)).status).toBe(401);
    const left = await api.request('GET', '/api/v1/auth/sessions', { token: here.accessToken });
    expect(left.body.items.map((s: { id: string }) => s.id)).toEqual([here.sessionId]);
    expect((await refresh(here.refreshToken)).status).toBe(200);
  });

  it('answers /auth/me with the account of the token', async () => {
    const user = await createUser(api, { role: 'rehomer', name: 'Grace' });
    const res = await me(user.token);
    expect(res.body).toMatchObject({
      id: user.id,
      email: user.email,
      name: 'Grace',
      role: 'rehomer',
      status: 'active',
      emailVerified: true,
      twoFactorEnabled: false,
    });
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });
});
