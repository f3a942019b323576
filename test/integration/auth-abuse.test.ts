// Brute force, enumeration, rate limits and malformed input on the sign-in route.
import { getDataSourceToken } from '@nestjs/typeorm';
import { RedisClient } from '@app/common';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../apps/api/src/modules/auth/secrets';
import { startApi, type ApiResponse, type TestApi } from '../support/api';
import { startAuthStack, type AuthStack } from '../support/auth-stack';
import { createUser, type TestUser } from '../support/identity';
import { DisposableRedis } from '../support/redis-server';
import { isolatedRedisPrefix } from '../support/worker';

const INVALID_CREDENTIALS = { code: 'UNAUTHENTICATED', message: 'The e-mail address or password is wrong.', details: {} };
const MAX_FAILURES = 3;

describe('brute-force protection', () => {
  let stack: AuthStack;
  let api: TestApi;
  let redis: RedisClient;
  let dataSource: DataSource;

  beforeAll(async () => {
    stack = await startAuthStack('auth-brute-force', { LOGIN_MAX_FAILURES: String(MAX_FAILURES) });
    api = stack.api;
    redis = api.app.get(RedisClient);
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => stack?.close());

  const login = (email: string, password: string) => api.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const lockKey = (email: string) => `auth:login:lock:${sha256Hex(email.toLowerCase()).slice(0, 32)}`;
  const expectRefused = (res: ApiResponse) => {
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID_CREDENTIALS);
  };
  const auditCount = async (action: string, userId: string) =>
    Number((await dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?', [action, userId]))[0].n);

  it('locks an account after LOGIN_MAX_FAILURES, answering exactly like a wrong password, even to the right one', async () => {
    const user = await createUser(api);
    const wrong = await login(user.email, 'wrong-password-1');
    expectRefused(wrong);
    for (let i = 1; i < MAX_FAILURES; i++) expectRefused(await login(user.email, 'wrong-password-1'));
    expect(await redis.ttl(lockKey(user.email))).toBeGreaterThan(50);

    const rightWhileLocked = await login(user.email, user.password);
    expectRefused(rightWhileLocked);
    expect(rightWhileLocked.text).toBe(wrong.text);
    expectRefused(await login(user.email, 'wrong-password-2'));

    const mail = await stack.smtp.waitForMail(user.email, /Sign-in to your .* account was paused/);
    expect(mail.text).toContain('1 minute(s)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stack.smtp.mailsTo(user.email).filter((m) => /paused/.test(m.subject))).toHaveLength(1); // one mail per lock

    expect(await auditCount('auth.login_failed', user.id)).toBe(MAX_FAILURES);
    expect(await auditCount('auth.account_locked', user.id)).toBe(1);
    expect(await auditCount('auth.login_refused_locked', user.id)).toBe(2);

    // Once the lock has run out, the right password works again.
    await redis.del(lockKey(user.email));
    expect((await login(user.email, user.password)).status).toBe(200);
    expect(await auditCount('auth.login_succeeded', user.id)).toBe(1);
  });

  it('makes each further lock longer, up to 15 minutes, and caps failures at 100 an hour', async () => {
    const user = await createUser(api);
    for (let i = 0; i < MAX_FAILURES; i++) await login(user.email, 'wrong-password');
    expect(await redis.ttl(lockKey(user.email))).toBeLessThanOrEqual(60);
    await redis.del(lockKey(user.email));
    for (let i = 0; i < MAX_FAILURES; i++) await login(user.email, 'wrong-password');
    const second = await redis.ttl(lockKey(user.email));
    expect(second).toBeGreaterThan(100);
    expect(second).toBeLessThanOrEqual(120);

    // The hundredth failure within an hour locks for the rest of that hour, whatever LOGIN_MAX_FAILURES says.
    const other = await createUser(api);
    const account = sha256Hex(other.email).slice(0, 32);
    await redis.set(`auth:login:hourly:${account}`, '99', 'EX', 3600);
    expectRefused(await login(other.email, 'wrong-password'));
    expect(await redis.ttl(lockKey(other.email))).toBeGreaterThan(3500);
  });

  it('counts every case variant of an address on one counter', async () => {
    const user = await createUser(api);
    const variants = [user.email.toUpperCase(), ` ${user.email} `.trim().replace(/^u/, 'U'), user.email];
    for (const email of variants.slice(0, MAX_FAILURES)) expectRefused(await login(email, 'wrong-password'));
    expectRefused(await login(user.email, user.password));
  });

  it('answers an unknown address like a wrong password: same status, body and argon2 work, locks included', async () => {
    const user = await createUser(api);
    const unknown = `nobody-${Date.now()}@example.org`;
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await login(email, 'wrong-password');
      return { res, ms: performance.now() - started };
    };
    const wrong = [await timed(user.email), await timed(user.email)];
    const missing = [await timed(unknown), await timed(unknown)];
    for (const { res } of [...wrong, ...missing]) expectRefused(res);
    expect(missing[0].res.text).toBe(wrong[0].res.text);
    // Both paths verify one argon2id hash (a dummy one for unknown addresses): no fast path to time.
    const slowest = (runs: Array<{ ms: number }>) => Math.max(...runs.map((r) => r.ms));
    const fastest = (runs: Array<{ ms: number }>) => Math.min(...runs.map((r) => r.ms));
    expect(fastest(missing)).toBeGreaterThan(slowest(wrong) / 4);
    // The unknown address gets locked too, so a lock does not reveal that an account exists.
    expectRefused(await login(unknown, 'wrong-password'));
    expect(await redis.exists(lockKey(unknown))).toBe(1);
  });

  it('resets the counter on success', async () => {
    const user = await createUser(api);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILURES - 1; i++) expectRefused(await login(user.email, 'wrong-password'));
      expect((await login(user.email, user.password)).status).toBe(200);
    }
  });

  it('counts wrong current passwords on password change against the same lock', async () => {
    const user = await createUser(api);
    const change = (currentPassword: string) =>
      api.request('POST', '/api/v1/auth/password/change', { token: user.token, body: { currentPassword, newPassword: 'Brand-new-pass-456' } });
    for (let i = 0; i < MAX_FAILURES; i++) expect((await change('wrong-password')).status).toBe(400);
    expect((await change(user.password)).status).toBe(400); // locked: even the right one is refused
    expectRefused(await login(user.email, user.password));
  });

  it('makes a client address with too many failures wait (429), about the address rather than an account', async () => {
    const ipKey = 'auth:login:ip-fails:127.0.0.1';
    await redis.set(ipKey, '100000', 'EX', 120);
    try {
      const user = await createUser(api);
      const res = await login(user.email, user.password);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(100);
    } finally {
      await redis.del(ipKey);
    }
  });

  it('mails a notice for a sign-in from a new device, once', async () => {
    const user = await createUser(api);
    const fromPhone = () => api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, deviceName: 'Phone <b>' } });
    expect((await fromPhone()).status).toBe(200);
    const mail = await stack.smtp.waitForMail(user.email, /New sign-in/);
    expect(mail.text).toContain('Device: Phone <b>');
    expect(mail.html).toContain('Phone &lt;b&gt;');
    expect((await fromPhone()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stack.smtp.mailsTo(user.email).filter((m) => /New sign-in/.test(m.subject))).toHaveLength(1);
  });
});

describe('rate limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ REDIS_PREFIX: isolatedRedisPrefix('rate-limit'), AUTH_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '8' });
  });
  afterAll(() => api?.close());

  const forgot = () => api.request('POST', '/api/v1/auth/password/forgot', { body: { email: 'someone@example.org' } });
  const headersOf = (res: ApiResponse) => ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'].map((h) => Number(res.headers.get(h)));

  it('limits sign-in and recovery routes per address, with RateLimit headers and a Retry-After not before the reset', async () => {
    const answers = [await forgot(), await forgot(), await forgot()];
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(answers.map((r) => headersOf(r).slice(0, 2))).toEqual([
      [3, 2],
      [3, 1],
      [3, 0],
    ]);
    const [, , reset] = headersOf(answers[2]);
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);

    const limited = await forgot();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(headersOf(limited)[2]);
    expect(retryAfter).toBeGreaterThanOrEqual(reset);
    expect((await api.request('POST', '/api/v1/auth/login', { body: { email: 'someone@example.org', password: 'x' } })).status).toBe(429);
  });

  it('limits every route per address, per user once signed in, and before authentication', async () => {
    const user = await createUser(api);
    let last: ApiResponse | undefined;
    for (let i = 0; i < 10 && last?.status !== 429; i++) last = await api.request('GET', '/api/v1/features');
    expect(last!.status).toBe(429);
    expect(headersOf(last!)).toEqual([8, 0, expect.any(Number)]);
    // Without a valid token the limit comes first: no 401 oracle for guessing tokens.
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(429);
    expect((await api.request('GET', '/api/v1/auth/me', { token: 'not-a-token' })).status).toBe(429);
    // A signed-in caller has a bucket of their own.
    const signedIn = await api.request('GET', '/api/v1/auth/me', { token: user.token });
    expect(signedIn.status).toBe(200);
    expect(headersOf(signedIn).slice(0, 2)).toEqual([8, 7]);
    // Probes are never limited.
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });
});

describe('while Redis is down', () => {
  let redisServer: DisposableRedis;
  let redisDown = false;
  let api: TestApi;
  beforeAll(async () => {
    redisServer = await DisposableRedis.start();
    api = await startApi({ REDIS_URL: redisServer.url, AUTH_RATE_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(async () => {
    if (redisDown) await redisServer.up(); // closing waits for the queue connections to reconnect
    await api?.close();
    await redisServer?.down();
  });

  it('fails open: requests and sign-in still work, without rate headers, and a warning is logged', async () => {
    const user = await createUser(api);
    await redisServer.down();
    redisDown = true;
    const first = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    const second = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('ratelimit-limit')).toBeNull();
    expect((await api.request('GET', '/api/v1/auth/me', { token: second.body.tokens.accessToken })).status).toBe(200);
    expect(api.logs.some((line) => line.includes('rate limiting unavailable'))).toBe(true);
    await redisServer.up();
    redisDown = false;
  });
});

describe('malformed sign-in requests', () => {
  let api: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    api = await startApi({ REDIS_PREFIX: isolatedRedisPrefix('auth-input'), BODY_LIMIT_BYTES: '2048' });
    user = await createUser(api);
  });
  afterAll(() => api?.close());

  const stillHealthy = async () => {
    expect((await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
  };

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      rawBody: '{"email": "a@example.org", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    await stillHealthy();
  });

  it('answers text/plain with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { rawBody: `email=${user.email}&password=x`, headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await stillHealthy();
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      rawBody: JSON.stringify({ email: user.email, password: 'x'.repeat(4096) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    await stillHealthy();
  });

  it('refuses an unknown property with 400 naming it', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, role: 'super_admin' } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('role');
    await stillHealthy();
  });
});
