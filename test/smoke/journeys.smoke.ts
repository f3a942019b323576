// The built app, as shipped: `npm run build` output started with the images' commands (api and worker as child
// processes, configured by environment variables), a real SMTP server in this process, and the journeys that cross
// api → Redis queue → worker driven over HTTP. Every response is checked against the contract.
// Why: vitest runs the TypeScript sources; this catches what only the compiled output does wrong.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { CORE_SAMPLE_ANSWERS } from '../../libs/database/src/reference/core-questions';
import { contractRequest, type ApiResponse } from '../support/http';
import { startSmtpServer, tokenFromLink, type TestSmtp } from '../support/smtp';
import { freePort, smokeEnvironment, startBuiltApp, type BuiltApp } from './built-app';

/** Short enough that the anonymisation runs during the test (api and worker must agree on it). */
const DELETION_GRACE_SECONDS = 2;
const JOB_TIMEOUT_MS = 30_000;
const MAIL_TIMEOUT_MS = 15_000;
const ADMIN = { email: 'smoke-admin@example.org', password: 'smoke-admin-password-0123' };
const run = Date.now().toString(36);

let smtp: TestSmtp;
let api: BuiltApp;
let worker: BuiltApp;
let request: ReturnType<typeof contractRequest>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const env = smokeEnvironment(inject('smokeDatabase'), inject('smokeRedisPrefix'), {
    SMTP_URL: smtp.url,
    WEB_APP_URL: 'https://app.example.org',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    ACCOUNT_DELETION_GRACE_SECONDS: String(DELETION_GRACE_SECONDS),
    // Every sign-in of the suite comes from one address.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    SHUTDOWN_DRAIN_MS: '0',
  });
  [api, worker] = await Promise.all([
    freePort().then((port) => startBuiltApp('start:api', port, env)),
    freePort().then((port) => startBuiltApp('start:worker', port, env)),
  ]);
  request = contractRequest(api.baseUrl);
}, 90_000);

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await smtp?.close();
});

beforeEach(({ onTestFailed }) => {
  // What the processes complained about is the first thing to read when a journey fails.
  onTestFailed(() => {
    for (const app of [api, worker]) {
      const complaints = app?.output.filter((line) => !line.includes('"level":"info"')).slice(-10);
      if (complaints?.length) console.error(`--- last warnings and errors of the ${app.name}:\n${complaints.map((line) => line.slice(0, 600)).join('\n')}`);
    }
  });
});

function expectStatus(res: ApiResponse, status: number): void {
  expect(res.status, `${res.status} ${res.text}`).toBe(status);
}

interface Account {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

async function signIn(email: string, password: string): Promise<Account> {
  const res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
  expectStatus(res, 200);
  const token: string = res.body.tokens.accessToken;
  const me = await request('GET', '/api/v1/auth/me', { token });
  return { id: me.body.id, email, password, token, refreshToken: res.body.tokens.refreshToken };
}

/** What an app does when its role changed (TOKEN_STALE): refresh once; the session and its rotated refresh token go on. */
async function refresh(account: Account): Promise<void> {
  const res = await request('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } });
  expectStatus(res, 200);
  Object.assign(account, { token: res.body.accessToken, refreshToken: res.body.refreshToken });
}

/** Registers, follows the link of the verification mail (delivered by the worker over SMTP), signs in. */
async function signUp(name: string): Promise<Account> {
  const email = `${name.toLowerCase()}-${run}@example.org`;
  const password = `${name}-has-a-long-passphrase-42`;
  expectStatus(await request('POST', '/api/v1/auth/register', { body: { email, password, name } }), 202);
  const mail = await smtp.waitForMail(email, /Confirm your e-mail address/, { timeoutMs: MAIL_TIMEOUT_MS });
  expectStatus(await request('POST', '/api/v1/auth/email/verify', { body: { token: tokenFromLink(mail, '/verify-email') } }), 204);
  return signIn(email, password);
}

/** Follows a tracked job over GET /jobs/{jobId} until it has succeeded or failed (or the bound is reached). */
async function finishedJob(jobId: string, token: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const res = await request('GET', `/api/v1/jobs/${jobId}`, { token });
    expectStatus(res, 200);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.status} after ${JOB_TIMEOUT_MS} ms: ${res.text}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the built app', () => {
  it('registers an adopter: the verification mail arrives and its link verifies the address', async () => {
    const ada = await signUp('Registered');
    const me = await request('GET', '/api/v1/auth/me', { token: ada.token });
    expect(me.body).toMatchObject({ id: ada.id, email: ada.email, role: 'adopter', emailVerified: true });
  });

  it('takes an application to a decision: a rescue reviewer approves, the adopter is notified in the centre and by mail', async () => {
    const rescuer = await signUp('Rosa');
    const rescue = await request('POST', '/api/v1/rescues', {
      token: rescuer.token,
      body: {
        name: `Smoke Rescue ${run}`,
        description: 'Dogs and cats of Leeds.',
        email: `hello-${run}@example.org`,
        city: 'Leeds',
        region: 'West Yorkshire',
        postcode: 'LS1 1AA',
      },
    });
    expectStatus(rescue, 201);
    await refresh(rescuer); // registering the rescue made Rosa its rescue_admin
    const admin = await signIn(ADMIN.email, ADMIN.password);
    expectStatus(await request('POST', `/api/v1/rescues/${rescue.body.id}/verify`, { token: admin.token }), 200);

    const pet = await request('POST', '/api/v1/pets', {
      token: rescuer.token,
      body: {
        rescueId: rescue.body.id,
        name: `Marmalade${run}`,
        species: 'cat',
        primaryBreed: 'Domestic Shorthair',
        sex: 'female',
        size: 'small',
        description: 'A calm cat who likes laps.',
        location: { city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 1AA', latitude: 53.8008, longitude: -1.5491 },
      },
    });
    expectStatus(pet, 201);
    expectStatus(
      await request('POST', `/api/v1/pets/${pet.body.id}/listing`, { token: rescuer.token, body: { action: 'publish', expectedVersion: pet.body.version } }),
      200,
    );

    const adopter = await signUp('Adopter');
    const submitted = await request('POST', '/api/v1/applications', {
      token: adopter.token,
      headers: { 'idempotency-key': `smoke-${run}` },
      body: { petId: pet.body.id, answers: CORE_SAMPLE_ANSWERS, references: [{ name: 'Dr Patel', relationship: 'vet', email: 'vet@example.org' }] },
    });
    expectStatus(submitted, 201);
    const applicationId: string = submitted.body.id;
    const review = (body: Record<string, unknown>) => request('POST', `/api/v1/applications/${applicationId}/review`, { token: rescuer.token, body });
    const underReview = await review({ action: 'start_review', expectedVersion: submitted.body.version });
    expectStatus(underReview, 200);
    const approved = await review({ action: 'approve', expectedVersion: underReview.body.version, reason: 'A lovely home.' });
    expectStatus(approved, 200);
    expect(approved.body.status).toBe('approved');

    const centre = await request('GET', '/api/v1/notifications', { token: adopter.token });
    expect(centre.body.items).toContainEqual(
      expect.objectContaining({ type: 'application_status_changed', resourceId: applicationId, title: expect.stringMatching(/approved/) }),
    );
    const mail = await smtp.waitForMail(adopter.email, /approved/, { timeoutMs: MAIL_TIMEOUT_MS });
    expect(mail.text).toContain('A lovely home.');
  });

  it('exports a user’s data: the job succeeds, the document downloads, a mail says it is ready', async () => {
    const ada = await signUp('Exporter');
    const accepted = await request('POST', `/api/v1/users/${ada.id}/data-export`, { token: ada.token });
    expectStatus(accepted, 202);
    const { jobId } = accepted.body;
    expect(await finishedJob(jobId, ada.token)).toMatchObject({ type: 'privacy.export-user-data', status: 'succeeded', progress: 100, error: null });

    const download = await request('GET', `/api/v1/users/${ada.id}/data-exports/${jobId}`, { token: ada.token });
    expectStatus(download, 200);
    expect(download.body).toMatchObject({ jobId, data: { format: 'user-data-export', profile: { id: ada.id, email: ada.email } } });
    expect(Date.parse(download.body.expiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const mail = await smtp.waitForMail(ada.email, /data export is ready/i, { timeoutMs: MAIL_TIMEOUT_MS });
    expect(mail.text).toContain(jobId);
  });

  it('deletes an account: the request ends its sessions, the anonymisation job runs after the grace period', async () => {
    const ada = await signUp('Leaver');
    const accepted = await request('DELETE', `/api/v1/users/${ada.id}`, { token: ada.token });
    expectStatus(accepted, 202);
    expectStatus(await request('GET', '/api/v1/auth/me', { token: ada.token }), 401);

    // The owner's sessions are gone; an admin may follow any job.
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const done = await finishedJob(accepted.body.jobId, admin.token);
    expect(done).toMatchObject({ type: 'privacy.anonymise-user', status: 'succeeded', result: { outcome: 'anonymised' } });
    const user = await request('GET', `/api/v1/users/${ada.id}`, { token: admin.token });
    expect(user.body).toMatchObject({ id: ada.id, status: 'deleted', email: `deleted-${ada.id}@deleted.invalid` });
    expectStatus(await request('POST', '/api/v1/auth/login', { body: { email: ada.email, password: ada.password } }), 401);
  });

  it('stops on SIGTERM: api and worker exit 0 within the shutdown timeout', async () => {
    expect(await Promise.all([api.stop(), worker.stop()])).toEqual([0, 0]);
  });
});
