// Sign-up, e-mail verification, password rules, forgotten and changed passwords: through the real mailbox.
import { getDataSourceToken } from '@nestjs/typeorm';
import { UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api';
import { startAuthStack, type AuthStack } from '../support/auth-stack';
import { createUser } from '../support/identity';
import { tokenFromLink, type TestSmtp } from '../support/smtp';

const INVALID_CREDENTIALS = { code: 'UNAUTHENTICATED', message: 'The e-mail address or password is wrong.', details: {} };

let stack: AuthStack;
let api: TestApi;
let smtp: TestSmtp;
let dataSource: DataSource;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.org`;

const login = (email: string, password: string) => api.request('POST', '/api/v1/auth/login', { body: { email, password } });
const refresh = (refreshToken: string) => api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

/** Registers, follows the verification link and signs in; returns the tokens of that first session. */
async function signUp(email: string, password: string, name = 'Ada') {
  expect((await api.request('POST', '/api/v1/auth/register', { body: { email, password, name } })).status).toBe(202);
  const mail = await smtp.waitForMail(email, /Confirm your e-mail address/);
  expect((await api.request('POST', '/api/v1/auth/email/verify', { body: { token: tokenFromLink(mail, '/verify-email') } })).status).toBe(204);
  const signedIn = await login(email, password);
  expect(signedIn.status).toBe(200);
  return signedIn.body.tokens as { accessToken: string; refreshToken: string; sessionId: string };
}

beforeAll(async () => {
  stack = await startAuthStack('auth-accounts');
  ({ api, smtp } = stack);
  dataSource = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => stack?.close());

describe('sign-up and e-mail verification', () => {
  it('registers an unverified adopter, mails a single-use link, and signs in only once verified', async () => {
    const email = uniqueEmail('Ada');
    const registered = await api.request('POST', '/api/v1/auth/register', { body: { email, password: 'Plenty-of-entropy-42', name: 'Ada <Lovelace>' } });
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual({ status: 'accepted' });

    const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ email: email.toLowerCase() });
    expect(user).toMatchObject({ role: 'adopter', status: 'active', emailVerifiedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const mail = await smtp.waitForMail(email, /Confirm your e-mail address/);
    expect(mail.text).toContain('https://app.example.org/verify-email?token=');
    // Interpolated values are escaped in the HTML part.
    expect(mail.html).toContain('Ada &lt;Lovelace&gt;');
    expect(mail.html).not.toContain('<Lovelace>');
    const token = tokenFromLink(mail, '/verify-email');
    const stored = await dataSource.query('SELECT token_hash FROM email_tokens WHERE user_id = ?', [user.id]);
    expect(stored.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);

    // Not verified yet: the same answer as a wrong password, so it tells nothing about the account.
    const early = await login(email, 'Plenty-of-entropy-42');
    expect(early.status).toBe(401);
    expect(early.body).toEqual(INVALID_CREDENTIALS);

    expect((await api.request('POST', '/api/v1/auth/email/verify', { body: { token } })).status).toBe(204);
    const again = await api.request('POST', '/api/v1/auth/email/verify', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('VALIDATION_FAILED');

    const signedIn = await login(email.toUpperCase(), 'Plenty-of-entropy-42');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('authenticated');
    const me = await api.request('GET', '/api/v1/auth/me', { token: signedIn.body.tokens.accessToken });
    expect(me.body).toMatchObject({ id: user.id, email: email.toLowerCase(), emailVerified: true, twoFactorEnabled: false, role: 'adopter' });
    expect(me.body.version).toBe(user.version + 1);
  });

  it('refuses an expired verification link', async () => {
    const email = uniqueEmail('late');
    await api.request('POST', '/api/v1/auth/register', { body: { email, password: 'Plenty-of-entropy-42', name: 'Late' } });
    const token = tokenFromLink(await smtp.waitForMail(email, /Confirm/), '/verify-email');
    await dataSource.query(
      'UPDATE email_tokens t JOIN users u ON u.id = t.user_id SET t.expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE u.email = ?',
      [email],
    );
    expect((await api.request('POST', '/api/v1/auth/email/verify', { body: { token } })).status).toBe(400);
  });

  it('answers a sign-up for a registered address the same way and mails its owner a notice instead', async () => {
    const existing = await createUser(api, { email: uniqueEmail('taken') });
    const res = await api.request('POST', '/api/v1/auth/register', {
      body: { email: existing.email.toUpperCase(), password: 'Another-strong-pass-1', name: 'Mallory' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted' });
    const notice = await smtp.waitForMail(existing.email, /tried to sign up/);
    expect(notice.text).toContain('https://app.example.org/forgot-password');
    const rows = await dataSource.query('SELECT name FROM users WHERE email = ?', [existing.email]);
    expect(rows).toEqual([{ name: 'Test adopter' }]);
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const email = uniqueEmail('idem');
    const body = { email, password: 'Plenty-of-entropy-42', name: 'Idem' };
    const headers = { 'idempotency-key': `register-${email}` };
    const first = await api.request('POST', '/api/v1/auth/register', { body, headers });
    const second = await api.request('POST', '/api/v1/auth/register', { body, headers });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.text).toBe(first.text);
    await smtp.waitForMail(email, /Confirm/);
    // The retry did not run again: one verification token, so one mail.
    const tokens = await dataSource.query('SELECT COUNT(*) AS n FROM email_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?', [email]);
    expect(Number(tokens[0].n)).toBe(1);

    const reused = await api.request('POST', '/api/v1/auth/register', { body: { ...body, password: 'Different-pass-99' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The stored fingerprint holds an HMAC of the password, never a plain fast hash of it.
    const [key] = await dataSource.query('SELECT caller, request_hash FROM idempotency_keys WHERE idempotency_key = ?', [headers['idempotency-key']]);
    expect(key.caller).toMatch(/^email:[A-Za-z0-9_-]{43}$/);
    expect(key.caller).not.toContain(email);

    const badKey = await api.request('POST', '/api/v1/auth/register', { body, headers: { 'idempotency-key': 'short' } });
    expect(badKey.status).toBe(400);
  });

  it('always accepts a resend, and mails a fresh link only to a registered, unverified address', async () => {
    const unknown = await api.request('POST', '/api/v1/auth/email/resend', { body: { email: uniqueEmail('nobody') } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ status: 'accepted' });

    const email = uniqueEmail('resend');
    await api.request('POST', '/api/v1/auth/register', { body: { email, password: 'Plenty-of-entropy-42', name: 'Re' } });
    const first = await smtp.waitForMail(email, /Confirm/);
    expect((await api.request('POST', '/api/v1/auth/email/resend', { body: { email } })).status).toBe(202);
    const second = await smtp.waitForMail(email, /Confirm/, { except: [first] });
    const token = tokenFromLink(second, '/verify-email');
    expect(token).not.toBe(tokenFromLink(first, '/verify-email'));
    expect((await api.request('POST', '/api/v1/auth/email/verify', { body: { token } })).status).toBe(204);
  });
});

describe('password rules', () => {
  it('refuses 7 and 129 characters and a common password, and accepts 128 characters without truncating them', async () => {
    const email = uniqueEmail('rules');
    const register = (password: string) => api.request('POST', '/api/v1/auth/register', { body: { email, password, name: 'Rules' } });
    const short = await register('Abc-123');
    expect(short.status).toBe(400);
    expect(short.body.details.fields[0].field).toBe('password');
    expect((await register('x'.repeat(129))).status).toBe(400);
    const common = await register('baseball');
    expect(common.status).toBe(400);
    expect(common.body.details.fields).toEqual([{ field: 'password', constraints: { notCommon: expect.any(String) } }]);
    expect(await dataSource.getRepository(UserEntity).countBy({ email })).toBe(0);

    const long = `${'Long-passphrase-'.repeat(8)}`.slice(0, 127) + 'A';
    expect(long).toHaveLength(128);
    await signUp(email, long);
    const lastCharChanged = await login(email, `${long.slice(0, 127)}B`);
    expect(lastCharChanged.status).toBe(401);
    expect((await login(email, long.slice(0, 72))).status).toBe(401);
  });
});

describe('forgotten password', () => {
  it('mails a single-use reset link; the reset ends every session and mails a notice', async () => {
    const email = uniqueEmail('forgot');
    const first = await signUp(email, 'Original-pass-123');
    const second = (await login(email, 'Original-pass-123')).body.tokens;

    expect((await api.request('POST', '/api/v1/auth/password/forgot', { body: { email: email.toUpperCase() } })).body).toEqual({ status: 'accepted' });
    const mail = await smtp.waitForMail(email, /Reset your .* password/);
    const token = tokenFromLink(mail, '/reset-password');

    const common = await api.request('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'password' } });
    expect(common.status).toBe(400);
    // A refused password does not spend the link.
    expect((await api.request('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'Brand-new-pass-456' } })).status).toBe(204);
    expect((await api.request('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'Yet-another-pass-789' } })).status).toBe(400);

    for (const old of [first, second]) {
      expect((await refresh(old.refreshToken)).status).toBe(401);
      expect((await api.request('GET', '/api/v1/auth/me', { token: old.accessToken })).status).toBe(401);
    }
    expect((await login(email, 'Original-pass-123')).status).toBe(401);
    expect((await login(email, 'Brand-new-pass-456')).status).toBe(200);
    const notice = await smtp.waitForMail(email, /password was changed/);
    expect(notice.text).toContain('other sessions were signed out');
    const audit = await dataSource.query(
      "SELECT action FROM audit_log WHERE action IN ('auth.password_reset_requested', 'auth.password_reset') AND target_id = (SELECT id FROM users WHERE email = ?)",
      [email],
    );
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual(['auth.password_reset', 'auth.password_reset_requested']);
  });

  it('accepts a request for an unknown address without sending anything', async () => {
    const unknown = uniqueEmail('ghost');
    const known = await createUser(api, { email: uniqueEmail('known') });
    expect((await api.request('POST', '/api/v1/auth/password/forgot', { body: { email: unknown } })).status).toBe(202);
    expect((await api.request('POST', '/api/v1/auth/password/forgot', { body: { email: known.email } })).status).toBe(202);
    await smtp.waitForMail(known.email, /Reset your/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.mailsTo(unknown)).toEqual([]);
  });

  it('refuses an expired reset link', async () => {
    const user = await createUser(api, { email: uniqueEmail('expired') });
    await api.request('POST', '/api/v1/auth/password/forgot', { body: { email: user.email } });
    const token = tokenFromLink(await smtp.waitForMail(user.email, /Reset your/), '/reset-password');
    await dataSource.query("UPDATE email_tokens SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE user_id = ? AND purpose = 'reset_password'", [
      user.id,
    ]);
    expect((await api.request('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'Brand-new-pass-456' } })).status).toBe(400);
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const email = uniqueEmail('change');
    const here = await signUp(email, 'Original-pass-123');
    const elsewhere = (await login(email, 'Original-pass-123')).body.tokens;

    const wrong = await api.request('POST', '/api/v1/auth/password/change', {
      token: here.accessToken,
      body: { currentPassword: 'not-my-password', newPassword: 'Brand-new-pass-456' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields[0].field).toBe('currentPassword');

    const changed = await api.request('POST', '/api/v1/auth/password/change', {
      token: here.accessToken,
      body: { currentPassword: 'Original-pass-123', newPassword: 'Brand-new-pass-456' },
    });
    expect(changed.status).toBe(204);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect((await api.request('GET', '/api/v1/auth/me', { token: elsewhere.accessToken })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/auth/me', { token: here.accessToken })).status).toBe(200);
    expect((await refresh(here.refreshToken)).status).toBe(200);
    expect((await login(email, 'Brand-new-pass-456')).status).toBe(200);
    await smtp.waitForMail(email, /password was changed/);
  });
});
