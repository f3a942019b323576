// Two-factor sign-in: enrolment, the login challenge, TOTP codes and single-use backup codes.
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../apps/api/src/modules/auth/totp';
import { startApi, type TestApi } from '../support/api';
import { createUser, signIn, type TestUser } from '../support/identity';
import { isolatedRedisPrefix } from '../support/worker';

let api: TestApi;
let dataSource: DataSource;

beforeAll(async () => {
  api = await startApi({ REDIS_PREFIX: isolatedRedisPrefix('auth-2fa') });
  dataSource = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => api?.close());

/** One code per 30 s step; each is accepted once, so tests take codes of neighbouring steps (±1 is allowed). */
const code = (secret: string, step: -1 | 0 | 1 = 0) => totpAt(secret, Date.now() + step * 30_000);

async function enrol(user: TestUser): Promise<{ secret: string; codes: string[] }> {
  const setup = await api.request('POST', '/api/v1/auth/2fa/setup', { token: user.token });
  expect(setup.status).toBe(200);
  const enabled = await api.request('POST', '/api/v1/auth/2fa/enable', { token: user.token, body: { code: code(setup.body.secret, -1) } });
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret, codes: enabled.body.codes };
}

async function challenge(user: TestUser): Promise<string> {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('two_factor_required');
  expect(res.body.tokens).toBeUndefined();
  return res.body.challengeToken;
}

const verify = (body: Record<string, unknown>) => api.request('POST', '/api/v1/auth/2fa/verify', { body });

describe('two-factor enrolment', () => {
  it('confirms a new secret with a first code and returns ten single-use backup codes, stored only as hashes', async () => {
    const user = await createUser(api, { name: 'Ada' });
    const setup = await api.request('POST', '/api/v1/auth/2fa/setup', { token: user.token });
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/${encodeURIComponent(`${api.config.PRODUCT_NAME}:${user.email}`)}?secret=${setup.body.secret}&issuer=${encodeURIComponent(api.config.PRODUCT_NAME)}&algorithm=SHA1&digits=6&period=30`,
    );
    // Not active until confirmed.
    expect((await api.request('GET', '/api/v1/auth/me', { token: user.token })).body.twoFactorEnabled).toBe(false);

    const wrong = await api.request('POST', '/api/v1/auth/2fa/enable', {
      token: user.token,
      body: { code: code(setup.body.secret) === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);

    const enabled = await api.request('POST', '/api/v1/auth/2fa/enable', { token: user.token, body: { code: code(setup.body.secret) } });
    expect(enabled.status).toBe(200);
    const codes: string[] = enabled.body.codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const backup of codes) expect(backup).toMatch(/^[a-z0-9]{10}$/);

    const [row] = await dataSource.query('SELECT two_factor_secret, two_factor_pending_secret FROM users WHERE id = ?', [user.id]);
    expect(row.two_factor_secret).not.toContain(setup.body.secret);
    expect(row.two_factor_pending_secret).toBeNull();
    const stored = await dataSource.query('SELECT code_hash FROM two_factor_backup_codes WHERE user_id = ?', [user.id]);
    expect(stored).toHaveLength(10);
    for (const { code_hash } of stored) expect(codes).not.toContain(code_hash);

    expect((await api.request('GET', '/api/v1/auth/me', { token: user.token })).body.twoFactorEnabled).toBe(true);
    expect((await api.request('POST', '/api/v1/auth/2fa/setup', { token: user.token })).status).toBe(409);
    expect((await api.request('POST', '/api/v1/auth/2fa/enable', { token: user.token, body: { code: code(setup.body.secret, 1) } })).status).toBe(409);
    const audit = await dataSource.query("SELECT actor_id FROM audit_log WHERE action = 'auth.2fa_enabled' AND target_id = ?", [user.id]);
    expect(audit).toEqual([{ actor_id: user.id }]);
  });

  it("ends the account's other sessions (refresh and access tokens alike) and keeps the one that enabled it", async () => {
    const user = await createUser(api);
    const before = await signIn(api, user, { deviceName: 'Opened before 2FA' });
    const here = await signIn(api, user, { deviceName: 'Here' });
    await enrol({ ...user, token: here.accessToken });

    const refused = await api.request('GET', '/api/v1/auth/me', { token: before.accessToken });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect((await api.request('GET', '/api/v1/auth/me', { token: user.token })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: before.refreshToken } })).status).toBe(401);

    expect((await api.request('GET', '/api/v1/auth/me', { token: here.accessToken })).body.twoFactorEnabled).toBe(true);
    expect((await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: here.refreshToken } })).status).toBe(200);
    const sessions = await dataSource.query('SELECT id, revoked_reason FROM auth_sessions WHERE user_id = ? ORDER BY id', [user.id]);
    expect(sessions).toEqual(
      expect.arrayContaining([
        { id: user.sessionId, revoked_reason: 'two_factor_enabled' },
        { id: before.sessionId, revoked_reason: 'two_factor_enabled' },
        { id: here.sessionId, revoked_reason: null },
      ]),
    );
    const [audit] = await dataSource.query("SELECT after_state FROM audit_log WHERE action = 'auth.2fa_enabled' AND target_id = ?", [user.id]);
    expect(typeof audit.after_state === 'string' ? JSON.parse(audit.after_state) : audit.after_state).toEqual({ revokedSessions: 2 });
  });

  it('refuses enabling without a pending setup', async () => {
    const user = await createUser(api);
    expect((await api.request('POST', '/api/v1/auth/2fa/enable', { token: user.token, body: { code: '123456' } })).status).toBe(409);
  });
});

describe('two-factor sign-in', () => {
  it('answers a password with a challenge, and the challenge with tokens for a current code, once', async () => {
    const user = await createUser(api);
    const { secret } = await enrol(user);
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    const expiresIn = new Date(login.body.challengeExpiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(300_000);

    const current = code(secret);
    const signedIn = await verify({ challengeToken: login.body.challengeToken, code: current });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('authenticated');
    expect((await api.request('GET', '/api/v1/auth/me', { token: signedIn.body.tokens.accessToken })).status).toBe(200);

    // The challenge is spent, and the code cannot be used a second time either.
    expect((await verify({ challengeToken: login.body.challengeToken, code: code(secret, 1) })).status).toBe(401);
    expect((await verify({ challengeToken: await challenge(user), code: current })).status).toBe(401);
  });

  it('refuses a wrong code, tolerates a few typos per challenge, then kills the challenge', async () => {
    const user = await createUser(api);
    const { secret } = await enrol(user);
    const token = await challenge(user);
    const right = code(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await verify({ challengeToken: token, code: wrong });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect((await verify({ challengeToken: token, code: right })).status).toBe(200);

    const other = await challenge(user);
    for (let i = 0; i < 5; i++) expect((await verify({ challengeToken: other, code: wrong })).status).toBe(401);
    expect((await verify({ challengeToken: other, code: code(secret, 1) })).status).toBe(401);
    expect((await verify({ challengeToken: 'made-up-challenge', code: code(secret, -1) })).status).toBe(401);
  });

  it('accepts each backup code once', async () => {
    const user = await createUser(api);
    const { codes } = await enrol(user);
    const first = await verify({ challengeToken: await challenge(user), backupCode: codes[0], refreshTokenTransport: 'cookie' });
    expect(first.status).toBe(200);
    expect(first.body.tokens.refreshToken).toBeUndefined();
    expect(first.headers.get('set-cookie')).toContain('__Secure-refresh_token=');
    expect((await verify({ challengeToken: await challenge(user), backupCode: codes[0] })).status).toBe(401);
    expect((await verify({ challengeToken: await challenge(user), backupCode: codes[1] })).status).toBe(200);
    const used = await dataSource.query('SELECT COUNT(*) AS n FROM two_factor_backup_codes WHERE user_id = ? AND used_at IS NOT NULL', [user.id]);
    expect(Number(used[0].n)).toBe(2);
  });

  it('counts wrong codes as failed sign-ins, so guessing codes locks the account like guessing passwords', async () => {
    const user = await createUser(api);
    const { secret } = await enrol(user);
    const wrong = code(secret) === '000000' ? '111111' : '000000';
    for (let failures = 0; failures < api.config.LOGIN_MAX_FAILURES;) {
      const token = await challenge(user);
      for (let i = 0; i < 5 && failures < api.config.LOGIN_MAX_FAILURES; i++, failures++)
        expect((await verify({ challengeToken: token, code: wrong })).status).toBe(401);
    }
    const locked = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('UNAUTHENTICATED');
  });

  it('wants exactly one of code and backup code', async () => {
    const user = await createUser(api);
    const { secret, codes } = await enrol(user);
    const token = await challenge(user);
    expect((await verify({ challengeToken: token })).status).toBe(400);
    expect((await verify({ challengeToken: token, code: code(secret), backupCode: codes[0] })).status).toBe(400);
  });
});

describe('disabling two-factor sign-in', () => {
  it('needs a valid code or backup code, then signs in with the password alone', async () => {
    const user = await createUser(api);
    const { secret, codes } = await enrol(user);
    const disable = (body: Record<string, string>) => api.request('POST', '/api/v1/auth/2fa/disable', { token: user.token, body });
    const wrongCode = code(secret) === '000000' ? '111111' : '000000';
    expect((await disable({ code: wrongCode })).status).toBe(400);
    expect((await disable({ backupCode: 'zzzzzzzzzz' })).status).toBe(400);
    expect((await disable({})).status).toBe(400);
    expect((await api.request('GET', '/api/v1/auth/me', { token: user.token })).body.twoFactorEnabled).toBe(true);

    expect((await disable({ backupCode: codes[3] })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/auth/me', { token: user.token })).body.twoFactorEnabled).toBe(false);
    expect(await dataSource.query('SELECT id FROM two_factor_backup_codes WHERE user_id = ?', [user.id])).toEqual([]);
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.body.status).toBe('authenticated');
    expect((await disable({ code: code(secret, 1) })).status).toBe(409);
  });
});
