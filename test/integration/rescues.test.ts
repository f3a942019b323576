// Rescues: registration, the public directory, edits, moderation, staff invitations through the real mailbox,
// removal of members (never the last admin, even concurrently) and analytics over seeded pets.
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { Role } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api';
import { startAuthStack, type AuthStack } from '../support/auth-stack';
import { claimsOf, createUser, refreshRole, signIn, type TestUser } from '../support/identity';
import { tokenFromLink, type TestSmtp } from '../support/smtp';

let stack: AuthStack;
let api: TestApi;
let smtp: TestSmtp;
let db: DataSource;

beforeAll(async () => {
  stack = await startAuthStack('rescues');
  ({ api, smtp } = stack);
  db = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => stack?.close());

const hex = () => randomBytes(4).toString('hex');
const BASE = '/api/v1/rescues';

interface RescueBody {
  name: string;
  description: string;
  email: string;
  city: string;
  region: string;
  postcode: string;
  phone?: string | null;
  website?: string | null;
  country?: string;
}

const rescueBody = (overrides: Partial<RescueBody> = {}): RescueBody => ({
  name: `Happy Tails ${hex()}`,
  description: 'Dogs and cats looking for homes.',
  email: 'hello@happytails.example.org',
  city: 'Leeds',
  region: 'West Yorkshire',
  postcode: 'LS1 1AA',
  ...overrides,
});

/** Registers a rescue; the actor's client then refreshes its token, since registering may have changed its role. */
async function registerRescue(actor: TestUser, overrides: Partial<RescueBody> = {}) {
  const res = await api.request('POST', BASE, { token: actor.token, body: rescueBody(overrides) });
  expect(res.status).toBe(201);
  await refreshRole(api, actor);
  return res.body as { id: string; name: string; version: number; status: string };
}

/** A second admin without going through an invitation (those have tests of their own). */
async function addMember(rescueId: string, user: TestUser, role: 'admin' | 'staff' | 'volunteer') {
  await db.query('INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, ?)', [rescueId, user.id, role]);
}

const roleOfUser = async (userId: string): Promise<Role> => (await db.query('SELECT role FROM users WHERE id = ?', [userId]))[0].role;
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
async function auditOf(action: string, targetId: string) {
  const rows: Array<{ actor_id: string | null; before_state: unknown; after_state: unknown }> = await db.query(
    'SELECT actor_id, before_state, after_state FROM audit_log WHERE action = ? AND target_id = ? ORDER BY created_at',
    [action, targetId],
  );
  return rows.map((row) => ({ actorId: row.actor_id, before: json(row.before_state), after: json(row.after_state) }));
}

describe('registering a rescue', () => {
  it('creates a pending rescue with default settings and makes the caller its admin, promoting an adopter to rescue_admin (audited)', async () => {
    const ada = await createUser(api, { role: 'adopter', name: 'Ada' });
    const res = await api.request('POST', BASE, {
      token: ada.token,
      body: rescueBody({ name: 'Paws North', phone: '+44 113 496 0000', website: 'https://paws.example.org' }),
    });
    expect(res.status).toBe(201);
    await refreshRole(api, ada);
    expect(res.body).toMatchObject({
      name: 'Paws North',
      phone: '+44 113 496 0000',
      website: 'https://paws.example.org',
      country: 'GB',
      status: 'pending',
      verifiedAt: null,
      rejectionReason: null,
      settings: { defaultAdoptionFee: null, adoptionPolicy: '', waitlistOnApproval: false },
      version: 1,
    });

    const staff = await api.request('GET', `${BASE}/${res.body.id}/staff`, { token: ada.token });
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({
      total: 1,
      nextCursor: null,
      items: [{ userId: ada.id, rescueId: res.body.id, role: 'admin', name: 'Ada', email: ada.email }],
    });

    expect(await roleOfUser(ada.id)).toBe('rescue_admin');
    expect(await auditOf('user.role_changed', ada.id)).toEqual([
      {
        actorId: ada.id,
        before: { role: 'adopter' },
        after: { role: 'rescue_admin', reason: 'rescue.registered', rescueId: res.body.id, accessTokens: 'stale', sessions: 'kept' },
      },
    ]);
    expect(await auditOf('rescue.registered', res.body.id)).toHaveLength(1);
  });

  it('keeps the session of the adopter it promotes: their token is stale, one refresh carries rescue_admin', async () => {
    const ada = await createUser(api);
    const tokens = await signIn(api, ada);
    expect((await api.request('POST', BASE, { token: tokens.accessToken, body: rescueBody() })).status).toBe(201);
    expect((await api.request('GET', '/api/v1/auth/me', { token: tokens.accessToken })).body.code).toBe('TOKEN_STALE');
    const refreshed = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.sessionId).toBe(tokens.sessionId);
    expect(claimsOf(refreshed.body.accessToken).role).toBe('rescue_admin');
    expect((await api.request('GET', '/api/v1/auth/me', { token: refreshed.body.accessToken })).body.role).toBe('rescue_admin');
  });

  it('keeps the platform role of a moderator who registers a rescue', async () => {
    const mod = await createUser(api, { role: 'moderator' });
    await registerRescue(mod);
    expect(await roleOfUser(mod.id)).toBe('moderator');
  });

  it('replays the first answer byte for byte for a repeated Idempotency-Key, creates one rescue, and refuses the key with another body', async () => {
    const ada = await createUser(api);
    const key = `rescue-${hex()}`;
    const body = rescueBody();
    const first = await api.request('POST', BASE, { token: ada.token, body, headers: { 'idempotency-key': key } });
    // The first made ada a rescue_admin: the retrying client holds a refreshed token.
    await refreshRole(api, ada);
    const second = await api.request('POST', BASE, { token: ada.token, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM rescues WHERE name = ?', [body.name]))[0].n)).toBe(1);

    const other = await api.request('POST', BASE, { token: ada.token, body: { ...body, name: `${body.name} 2` }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 401 without a token, 400 to an invalid body and 415 to a body that is not JSON', async () => {
    expect((await api.request('POST', BASE, { body: rescueBody() })).status).toBe(401);
    const ada = await createUser(api);
    for (const body of [
      { ...rescueBody(), country: 'gb' },
      { ...rescueBody(), status: 'verified' },
    ]) {
      const res = await api.request('POST', BASE, { token: ada.token, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const text = await api.request('POST', BASE, { token: ada.token, rawBody: JSON.stringify(rescueBody()), headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('GET /rescues (directory)', () => {
  const city = `Dirville-${hex()}`;
  const tag = `dir${hex()}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = await createUser(api, { role: 'admin' });
    const make = async (key: string, overrides: Partial<RescueBody>) => {
      const owner = await createUser(api);
      ids[key] = (await registerRescue(owner, { city, region: 'North', ...overrides })).id;
    };
    await make('alpha', { name: 'Alpha Rescue', description: `cats ${tag}` });
    // 'no horses' matches o_h only if _ were a wildcard; 'Delta 100 Dogs' matches 100% only if % were one.
    await make('bravo1', { name: 'Bravo Paws', description: 'dogs, no horses' });
    await make('bravo2', { name: 'Bravo Paws', description: 'dogs, no horses' });
    await make('charlie', { name: 'Charlie 100% Cats', description: 'rabbits', region: 'South' });
    await make('delta', { name: 'Delta 100 Dogs', description: 'horses' });
    await make('echo', { name: 'Echo_Home', description: 'birds' });
    await make('rejected', { name: 'Alpha Rejected', description: tag });
    await make('deleted', { name: 'Alpha Deleted', description: tag });
    await make('other', { name: 'Alpha Elsewhere', description: tag, city: `${city}-other` });
    for (const key of ['alpha', 'charlie']) {
      expect((await api.request('POST', `${BASE}/${ids[key]}/verify`, { token: admin.token })).status).toBe(200);
    }
    expect((await api.request('POST', `${BASE}/${ids.rejected}/reject`, { token: admin.token, body: { reason: 'Not a rescue.' } })).status).toBe(200);
    expect((await api.request('DELETE', `${BASE}/${ids.deleted}`, { token: admin.token })).status).toBe(204);
  });

  const list = (query: string) => api.request('GET', `${BASE}?${query}`);
  const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((r) => r.id);
  const expected = (...keys: string[]) => keys.map((k) => ids[k]);
  /** Same-name rescues come in id order; ids are UUIDv7, so in creation order. */
  const byName = ['alpha', 'bravo1', 'bravo2', 'charlie', 'delta', 'echo'];

  it('is public, lists neither rejected nor deleted rescues, and orders by name then id', async () => {
    const res = await list(`city=${city}`);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expected(...byName));
    expect(res.body).toMatchObject({ total: 6, nextCursor: null });
  });

  it.each([
    ['text in the description', () => `city=${city}&q=${tag}`, ['alpha']],
    ['text in the name, case-insensitively', () => `city=${city}&q=bravo`, ['bravo1', 'bravo2']],
    ['a literal % (not a wildcard)', () => `city=${city}&q=${encodeURIComponent('100%')}`, ['charlie']],
    ['a literal _ (not a wildcard)', () => `city=${city}&q=o_h`, ['echo']],
    ['region', () => `city=${city}&region=South`, ['charlie']],
    ['verified=true', () => `city=${city}&verified=true`, ['alpha', 'charlie']],
    ['verified=false', () => `city=${city}&verified=false`, ['bravo1', 'bravo2', 'delta', 'echo']],
    ['every filter at once', () => `city=${city}&region=North&verified=true&q=cats`, ['alpha']],
  ])('filters by %s', async (_name, query, keys) => {
    const res = await list(query());
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expected(...keys));
    expect(res.body.total).toBe(keys.length);
  });

  it('walks the pages with the cursor: each row exactly once, in order, and the last page has no cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: number[] = [];
    do {
      const res = await list(`city=${city}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(6);
      seen.push(...idsOf(res.body));
      pages.push(res.body.items.length);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([4, 2]);
    expect(seen).toEqual(expected(...byName));
  });

  it('breaks ties between equal names by id across a page boundary', async () => {
    const first = await list(`city=${city}&q=bravo&limit=1`);
    expect(idsOf(first.body)).toEqual(expected('bravo1'));
    const second = await list(`city=${city}&q=bravo&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(idsOf(second.body)).toEqual(expected('bravo2'));
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses a forged cursor and page sizes outside 1–100 with 400', async () => {
    for (const query of ['cursor=not-a-cursor', `cursor=${Buffer.from('["x",1]').toString('base64url')}`, 'limit=0', 'limit=101']) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('GET, PUT and PATCH /rescues/{id}', () => {
  it('shows a rescue to anyone, and a deleted or unknown one to nobody (404)', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).body).toMatchObject({ id: rescue.id, name: rescue.name });
    expect((await api.request('DELETE', `${BASE}/${rescue.id}`, { token: owner.token })).status).toBe(204);
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).status).toBe(404);
    expect((await api.request('GET', `${BASE}/${newId()}`)).status).toBe(404);
  });

  it("lets the rescue's admin PATCH some fields (null clears, settings are replaced) and PUT every field", async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner, { phone: '0113 496 0000' });
    const settings = { defaultAdoptionFee: 150.5, adoptionPolicy: 'Home check first.', waitlistOnApproval: true };
    const patched = await api.request('PATCH', `${BASE}/${rescue.id}`, {
      token: owner.token,
      body: { expectedVersion: 1, city: 'York', phone: null, settings },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ city: 'York', phone: null, settings, version: 2, name: rescue.name });

    const replacement = {
      expectedVersion: 2,
      ...rescueBody({ name: 'Renamed' }),
      phone: null,
      website: null,
      settings: { ...settings, defaultAdoptionFee: null },
    };
    delete (replacement as { country?: string }).country;
    const put = await api.request('PUT', `${BASE}/${rescue.id}`, { token: owner.token, body: replacement });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Renamed', city: 'Leeds', settings: { defaultAdoptionFee: null }, version: 3 });
    expect(await auditOf('rescue.updated', rescue.id)).toHaveLength(2);
  });

  it('answers 409 VERSION_CONFLICT with the current version to a stale expectedVersion, and changes nothing', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    await api.request('PATCH', `${BASE}/${rescue.id}`, { token: owner.token, body: { expectedVersion: 1, city: 'First' } });
    const res = await api.request('PATCH', `${BASE}/${rescue.id}`, { token: owner.token, body: { expectedVersion: 1, city: 'Stale' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).body).toMatchObject({ city: 'First', version: 2 });
  });

  it('lets exactly one of several concurrent PATCHes with the same version win', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.request('PATCH', `${BASE}/${rescue.id}`, { token: owner.token, body: { expectedVersion: 1, city: `Writer ${i}` } }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.details.currentVersion === 2)).toHaveLength(7);
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).body).toMatchObject({ city: winners[0].body.city, version: 2 });
  });

  it("refuses edits by another rescue's admin, a volunteer of the rescue and a platform admin (403), and changes nothing", async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const otherAdmin = await createUser(api);
    await registerRescue(otherAdmin);
    const volunteer = await createUser(api);
    await addMember(rescue.id, volunteer, 'volunteer');
    const platformAdmin = await createUser(api, { role: 'admin' });
    for (const caller of [otherAdmin, volunteer, platformAdmin]) {
      const patch = await api.request('PATCH', `${BASE}/${rescue.id}`, { token: caller.token, body: { expectedVersion: 1, city: 'Hijacked' } });
      expect(patch.status).toBe(403);
      expect(patch.body.code).toBe('FORBIDDEN');
    }
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).body).toMatchObject({ city: 'Leeds', version: 1 });
  });
});

describe('DELETE /rescues/{id}', () => {
  it("refuses another rescue's admin and a staff member (403); the rescue's admin or a platform admin soft-deletes it (audited)", async () => {
    const owner = await createUser(api);
    const first = await registerRescue(owner);
    const second = await registerRescue(owner);
    const otherAdmin = await createUser(api);
    await registerRescue(otherAdmin);
    const staffer = await createUser(api);
    await addMember(first.id, staffer, 'staff');
    for (const caller of [otherAdmin, staffer]) {
      const res = await api.request('DELETE', `${BASE}/${first.id}`, { token: caller.token });
      expect(res.status).toBe(403);
    }
    expect((await api.request('GET', `${BASE}/${first.id}`)).status).toBe(200);

    expect((await api.request('DELETE', `${BASE}/${first.id}`, { token: owner.token })).status).toBe(204);
    const platformAdmin = await createUser(api, { role: 'admin' });
    expect((await api.request('DELETE', `${BASE}/${second.id}`, { token: platformAdmin.token })).status).toBe(204);
    expect((await api.request('DELETE', `${BASE}/${second.id}`, { token: platformAdmin.token })).status).toBe(404);

    // Soft: the rows stay, with deleted_at set; the staff list is gone with the rescue.
    const rows = await db.query('SELECT id, deleted_at FROM rescues WHERE id IN (?, ?)', [first.id, second.id]);
    expect(rows.every((r: { deleted_at: Date | null }) => r.deleted_at !== null)).toBe(true);
    expect((await api.request('GET', `${BASE}/${first.id}/staff`, { token: owner.token })).status).toBe(404);
    expect(await auditOf('rescue.deleted', second.id)).toEqual([
      expect.objectContaining({ actorId: platformAdmin.id, after: expect.objectContaining({ as: 'platform_admin' }) }),
    ]);
  });
});

describe('verify and reject (platform admins)', () => {
  it('verifies a pending rescue (audited with before and after), refuses to verify it again (409 INVALID_TRANSITION)', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const admin = await createUser(api, { role: 'admin' });
    const res = await api.request('POST', `${BASE}/${rescue.id}/verify`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', rejectionReason: null, version: 2 });
    expect(Date.parse(res.body.verifiedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await auditOf('rescue.verified', rescue.id)).toEqual([
      {
        actorId: admin.id,
        before: { status: 'pending', verifiedAt: null, rejectionReason: null },
        after: { status: 'verified', verifiedAt: res.body.verifiedAt, rejectionReason: null },
      },
    ]);

    const again = await api.request('POST', `${BASE}/${rescue.id}/verify`, { token: admin.token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'verified', to: 'verified' } });
  });

  it('rejects with a reason (audited), refuses a second rejection, and verifies a rejected rescue, clearing the reason', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const admin = await createUser(api, { role: 'super_admin' });
    const rejected = await api.request('POST', `${BASE}/${rescue.id}/reject`, { token: admin.token, body: { reason: 'No charity number.' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'No charity number.', verifiedAt: null });
    expect(await auditOf('rescue.rejected', rescue.id)).toEqual([
      {
        actorId: admin.id,
        before: { status: 'pending', verifiedAt: null, rejectionReason: null },
        after: { status: 'rejected', verifiedAt: null, rejectionReason: 'No charity number.' },
      },
    ]);
    expect((await api.request('POST', `${BASE}/${rescue.id}/reject`, { token: admin.token, body: { reason: 'Again.' } })).body.code).toBe('INVALID_TRANSITION');

    const verified = await api.request('POST', `${BASE}/${rescue.id}/verify`, { token: admin.token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', rejectionReason: null });
  });

  it("answers 403 to the rescue's own admin and to a moderator, and changes nothing", async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const mod = await createUser(api, { role: 'moderator' });
    for (const caller of [owner, mod]) {
      expect((await api.request('POST', `${BASE}/${rescue.id}/verify`, { token: caller.token })).status).toBe(403);
      expect((await api.request('POST', `${BASE}/${rescue.id}/reject`, { token: caller.token, body: { reason: 'Nope.' } })).status).toBe(403);
    }
    expect((await api.request('GET', `${BASE}/${rescue.id}`)).body).toMatchObject({ status: 'pending', version: 1 });
    expect(await auditOf('rescue.verified', rescue.id)).toEqual([]);
  });
});

describe('staff invitations', () => {
  const invite = (actor: TestUser, rescueId: string, email: string, role = 'staff', headers: Record<string, string> = {}) =>
    api.request('POST', `${BASE}/${rescueId}/staff`, { token: actor.token, body: { email, role }, headers });
  /** Accepts an invitation; the actor's client then refreshes its token, since joining may have changed its role. */
  const accept = async (actor: TestUser, token: string) => {
    const res = await api.request('POST', `${BASE}/invitations/accept`, { token: actor.token, body: { token } });
    if (res.status === 200) await refreshRole(api, actor);
    return res;
  };
  const inviteeEmail = () => `invitee-${hex()}@example.org`;

  it('mails a single-use link: the invitee accepts with the invited address and becomes a member; the token is stored only hashed', async () => {
    const owner = await createUser(api, { name: 'Olive' });
    const rescue = await registerRescue(owner, { name: `Invite Rescue ${hex()}` });
    const email = inviteeEmail();
    const invitee = await createUser(api, { role: 'adopter', email, name: 'Ivy' });

    const res = await invite(owner, rescue.id, email.toUpperCase(), 'staff');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rescueId: rescue.id, email, role: 'staff' });
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)).toBe(7 * 24 * 3600 * 1000);

    const mail = await smtp.waitForMail(email, /invited to join/);
    expect(mail.subject).toContain(rescue.name);
    expect(mail.text).toContain('Olive has invited you');
    const token = tokenFromLink(mail, '/rescue-invitation');
    const stored = await db.query('SELECT token_hash FROM staff_invitations WHERE id = ?', [res.body.id]);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toBe(token);

    const accepted = await accept(invitee, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ userId: invitee.id, rescueId: rescue.id, role: 'staff', name: 'Ivy', email });
    expect(await roleOfUser(invitee.id)).toBe('rescue_staff');
    const staff = await api.request('GET', `${BASE}/${rescue.id}/staff`, { token: invitee.token });
    expect(staff.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.id, invitee.id].sort());

    // Single use.
    const reused = await accept(invitee, token);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'used' } });
  });

  it('answers 403 to a signed-in user whose address is not the invited one or is unverified, and the invitation stays usable', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const email = inviteeEmail();
    await invite(owner, rescue.id, email, 'admin');
    const token = tokenFromLink(await smtp.waitForMail(email, /invited to join/), '/rescue-invitation');
    const stranger = await createUser(api);
    const res = await accept(stranger, token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await api.request('GET', `${BASE}/${rescue.id}/staff`, { token: stranger.token })).status).toBe(404);

    const unverified = await createUser(api, { email, verified: false });
    expect((await accept(unverified, token)).status).toBe(403);
    await db.query('DELETE FROM users WHERE id = ?', [unverified.id]);

    const invitee = await createUser(api, { role: 'rehomer', email });
    expect((await accept(invitee, token)).body).toMatchObject({ role: 'admin' });
    expect(await roleOfUser(invitee.id)).toBe('rescue_admin');
  });

  it('refuses an expired invitation (409, reason expired) and an unknown token (404)', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const email = inviteeEmail();
    const res = await invite(owner, rescue.id, email);
    const token = tokenFromLink(await smtp.waitForMail(email, /invited to join/), '/rescue-invitation');
    await db.query('UPDATE staff_invitations SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [res.body.id]);
    const invitee = await createUser(api, { email });
    const expired = await accept(invitee, token);
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'expired' } });
    expect(await db.query('SELECT 1 FROM rescue_staff WHERE rescue_id = ? AND user_id = ?', [rescue.id, invitee.id])).toHaveLength(0);

    expect((await accept(invitee, randomBytes(32).toString('base64url'))).status).toBe(404);
  });

  it('lets exactly one of two concurrent acceptances of the same invitation succeed', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const email = inviteeEmail();
    await invite(owner, rescue.id, email);
    const token = tokenFromLink(await smtp.waitForMail(email, /invited to join/), '/rescue-invitation');
    const invitee = await createUser(api, { email });
    const results = await Promise.all([accept(invitee, token), accept(invitee, token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('replays a repeated Idempotency-Key without a second invitation', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const email = inviteeEmail();
    const key = `invite-${hex()}`;
    const first = await invite(owner, rescue.id, email, 'volunteer', { 'idempotency-key': key });
    const second = await invite(owner, rescue.id, email, 'volunteer', { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(await db.query('SELECT id FROM staff_invitations WHERE rescue_id = ?', [rescue.id])).toHaveLength(1);
  });

  it('answers 403 to a member who is not an admin, 404 to an outsider, and 409 when the address is already a member', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const volunteer = await createUser(api);
    await addMember(rescue.id, volunteer, 'volunteer');
    const outsider = await createUser(api);
    await registerRescue(outsider);
    expect((await invite(volunteer, rescue.id, inviteeEmail())).status).toBe(403);
    expect((await invite(outsider, rescue.id, inviteeEmail())).status).toBe(404);
    const member = await invite(owner, rescue.id, volunteer.email);
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('CONFLICT');
    expect(await db.query('SELECT id FROM staff_invitations WHERE rescue_id = ?', [rescue.id])).toHaveLength(0);
  });
});

describe('GET /rescues/{id}/staff', () => {
  it('pages members newest first for members and platform admins; outsiders get 404', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const members: TestUser[] = [];
    for (let i = 0; i < 3; i++) {
      const member = await createUser(api);
      await db.query('INSERT INTO rescue_staff (rescue_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)', [
        rescue.id,
        member.id,
        'volunteer',
        new Date(Date.UTC(2030, 0, 1 + i)),
      ]);
      members.push(member);
    }
    const platformAdmin = await createUser(api, { role: 'admin' });
    const first = await api.request('GET', `${BASE}/${rescue.id}/staff?limit=2`, { token: platformAdmin.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((m: { userId: string }) => m.userId)).toEqual([members[2].id, members[1].id]);
    expect(first.body.total).toBe(4);
    const second = await api.request('GET', `${BASE}/${rescue.id}/staff?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: members[0].token,
    });
    expect(second.body.items.map((m: { userId: string }) => m.userId)).toEqual([members[0].id, owner.id]);
    expect(second.body.nextCursor).toBeNull();

    const outsider = await createUser(api, { role: 'moderator' });
    expect((await api.request('GET', `${BASE}/${rescue.id}/staff`, { token: outsider.token })).status).toBe(404);
  });
});

describe('DELETE /rescues/{id}/staff/{userId}', () => {
  const remove = (actor: TestUser, rescueId: string, userId: string) => api.request('DELETE', `${BASE}/${rescueId}/staff/${userId}`, { token: actor.token });
  const adminsOf = async (rescueId: string) =>
    (await db.query("SELECT user_id FROM rescue_staff WHERE rescue_id = ? AND role = 'admin'", [rescueId])).map((r: { user_id: string }) => r.user_id);

  it('lets an admin remove a member and a member leave; refuses a non-admin removing someone else (403) and an outsider (404)', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const [staffer, volunteer, leaver] = [await createUser(api), await createUser(api), await createUser(api)];
    await addMember(rescue.id, staffer, 'staff');
    await addMember(rescue.id, volunteer, 'volunteer');
    await addMember(rescue.id, leaver, 'volunteer');
    const outsider = await createUser(api);

    expect((await remove(staffer, rescue.id, volunteer.id)).status).toBe(403);
    expect((await remove(outsider, rescue.id, volunteer.id)).status).toBe(404);
    expect((await remove(owner, rescue.id, volunteer.id)).status).toBe(204);
    expect((await remove(leaver, rescue.id, leaver.id)).status).toBe(204);
    expect((await remove(owner, rescue.id, volunteer.id)).status).toBe(404);
    const left = await db.query('SELECT user_id FROM rescue_staff WHERE rescue_id = ? ORDER BY user_id', [rescue.id]);
    expect(left.map((r: { user_id: string }) => r.user_id)).toEqual([owner.id, staffer.id].sort());
    expect(await auditOf('rescue.staff_left', rescue.id)).toEqual([
      expect.objectContaining({ actorId: leaver.id, before: { userId: leaver.id, role: 'volunteer' } }),
    ]);
  });

  it('refuses to remove the last admin (409 CONFLICT)', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const res = await remove(owner, rescue.id, owner.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'last_admin' } });
    expect(await adminsOf(rescue.id)).toEqual([owner.id]);
  });

  it('keeps one admin when the last two admins leave at the same time: exactly one removal succeeds', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await createUser(api);
      const rescue = await registerRescue(a);
      const b = await createUser(api);
      await addMember(rescue.id, b, 'admin');
      const results = await Promise.all([remove(a, rescue.id, a.id), remove(b, rescue.id, b.id)]);
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(await adminsOf(rescue.id)).toHaveLength(1);
    }
  });

  it('keeps one admin when the last two admins remove each other at the same time', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await createUser(api);
      const rescue = await registerRescue(a);
      const b = await createUser(api);
      await addMember(rescue.id, b, 'admin');
      const results = await Promise.all([remove(a, rescue.id, b.id), remove(b, rescue.id, a.id)]);
      expect(results.filter((r) => r.status === 204)).toHaveLength(1);
      expect(await adminsOf(rescue.id)).toHaveLength(1);
    }
  });
});

describe('GET /rescues/{id}/analytics', () => {
  it('counts pets by listing status and availability, adoptions per month over 12 months, and the median days to adoption', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const other = await registerRescue(await createUser(api));
    const now = new Date();
    const monthStart = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 12));
    const days = (date: Date, n: number) => new Date(date.getTime() - n * 86_400_000);
    const pet = async (
      rescueId: string,
      listing: string,
      availability: string,
      publishedAt: Date | null = null,
      adoptedAt: Date | null = null,
      deleted = false,
    ) =>
      db.query(
        `INSERT INTO pets (id, owner_type, rescue_id, name, species, primary_breed, birth_date_estimate, sex, size, description, temperament,
          city, region, postcode, listing_status, availability, published_at, adopted_at, deleted_at)
         VALUES (?, 'rescue', ?, 'Rex', 'dog', 'Mixed', '2020-01-01', 'male', 'medium', '', '[]', 'Leeds', 'West Yorkshire', 'LS1', ?, ?, ?, ?, ?)`,
        [newId(), rescueId, listing, availability, publishedAt, adoptedAt, deleted ? new Date() : null],
      );
    const thisMonth = monthStart(0);
    const lastMonth = monthStart(1);
    await pet(rescue.id, 'draft', 'available');
    await pet(rescue.id, 'published', 'available', days(thisMonth, 30));
    await pet(rescue.id, 'published', 'on_hold', days(thisMonth, 30));
    await pet(rescue.id, 'retired', 'adopted', days(thisMonth, 10), thisMonth); // 10 days
    await pet(rescue.id, 'retired', 'adopted', days(lastMonth, 20), lastMonth); // 20 days
    await pet(rescue.id, 'retired', 'adopted', days(lastMonth, 40), lastMonth); // 40 days
    await pet(rescue.id, 'retired', 'adopted', null, monthStart(11)); // counted per month, no publication: not in the median
    await pet(rescue.id, 'retired', 'adopted', days(monthStart(12), 500), monthStart(12)); // 13th month back: outside the window
    await pet(rescue.id, 'published', 'available', null, null, true); // deleted: not counted
    await pet(other.id, 'retired', 'adopted', days(thisMonth, 1), thisMonth); // another rescue's

    const res = await api.request('GET', `${BASE}/${rescue.id}/analytics`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.petsByListingStatus).toEqual({ draft: 1, submitted: 0, published: 2, retired: 5 });
    expect(res.body.petsByAvailability).toEqual({ available: 2, on_hold: 1, pending: 0, adopted: 5, fostered: 0, not_available: 0 });
    const months = res.body.adoptionsPerMonth as Array<{ month: string; count: number }>;
    expect(months).toHaveLength(12);
    const label = (d: Date) => d.toISOString().slice(0, 7);
    expect(months[0].month).toBe(label(monthStart(11)));
    expect(months[11].month).toBe(label(thisMonth));
    expect(months.filter((m) => m.count > 0)).toEqual([
      { month: label(monthStart(11)), count: 1 },
      { month: label(lastMonth), count: 2 },
      { month: label(thisMonth), count: 1 },
    ]);
    expect(res.body.medianDaysToAdoption).toBe(20);
    expect(res.body).toMatchObject({ applicationsReceived: 0, applicationsApproved: 0 });
  });

  it('shows the figures to any member and to platform admins; outsiders get 404', async () => {
    const owner = await createUser(api);
    const rescue = await registerRescue(owner);
    const volunteer = await createUser(api);
    await addMember(rescue.id, volunteer, 'volunteer');
    const admin = await createUser(api, { role: 'admin' });
    for (const caller of [volunteer, admin]) {
      const res = await api.request('GET', `${BASE}/${rescue.id}/analytics`, { token: caller.token });
      expect(res.status).toBe(200);
      expect(res.body.medianDaysToAdoption).toBeNull();
    }
    const outsider = await createUser(api);
    await registerRescue(outsider);
    expect((await api.request('GET', `${BASE}/${rescue.id}/analytics`, { token: outsider.token })).status).toBe(404);
  });
});
