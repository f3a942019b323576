// PATCH/PUT /users/{id} (ownership, mass assignment, optimistic locking) and the preferences of a user.
import { getDataSourceToken } from '@nestjs/typeorm';
import { DEFAULT_PREFERENCES, UserEntity, UserPreferencesEntity } from '@app/identity';
import { AuditLogEntity } from '@app/audit';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';

let api: TestApi;
let db: DataSource;
beforeAll(async () => {
  api = await startApi();
  db = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => api.close());

const row = (id: string) => db.getRepository(UserEntity).findOneByOrFail({ id });
const patch = (user: TestUser, body: unknown, token = user.token) => api.request('PATCH', `/api/v1/users/${user.id}`, { token, body });

describe('PATCH and PUT /users/{userId}', () => {
  it('changes the fields present, leaves the others, bumps the version, and GET shows it', async () => {
    const ada = await createUser(api, { name: 'Ada' });
    await db.query("UPDATE users SET city = 'Leeds', bio = 'Cats' WHERE id = ?", [ada.id]);
    const res = await patch(ada, { expectedVersion: 1, name: 'Ada Lovelace', phone: '+44 113 496 0000' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Ada Lovelace', phone: '+44 113 496 0000', city: 'Leeds', bio: 'Cats', version: 2 });
    expect((await api.request('GET', `/api/v1/users/${ada.id}`, { token: ada.token })).body).toEqual(res.body);
    const cleared = await patch(ada, { expectedVersion: 2, city: null });
    expect(cleared.body).toMatchObject({ city: null, bio: 'Cats', version: 3 });
  });

  it('PUT replaces every profile field', async () => {
    const ada = await createUser(api);
    await db.query("UPDATE users SET city = 'Leeds', bio = 'Cats', phone = '123' WHERE id = ?", [ada.id]);
    const res = await api.request('PUT', `/api/v1/users/${ada.id}`, {
      token: ada.token,
      body: { expectedVersion: 1, name: 'New', phone: null, city: 'York', bio: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'New', phone: null, city: 'York', bio: null, version: 2 });
    const missing = await api.request('PUT', `/api/v1/users/${ada.id}`, { token: ada.token, body: { expectedVersion: 2, name: 'New' } });
    expect(missing.status).toBe(400);
  });

  it('audits a profile change with the changed field names, never their values', async () => {
    const ada = await createUser(api);
    await patch(ada, { expectedVersion: 1, bio: 'A very personal bio' });
    const entries = await db.getRepository(AuditLogEntity).findBy({ targetId: ada.id, action: 'user.updated' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: ada.id, targetType: 'user', beforeState: { version: 1 }, afterState: { version: 2, fields: ['bio'] } });
    expect(JSON.stringify(entries[0])).not.toContain('personal');
  });

  const forbidden: Array<[string, unknown]> = [
    ['role', 'super_admin'],
    ['status', 'active'],
    ['emailVerified', true],
    ['version', 99],
    ['email', 'evil@example.org'],
    ['id', '00000000-0000-7000-8000-000000000000'],
    ['twoFactorEnabled', false],
    ['passwordHash', 'x'],
    ['deletionRequestedAt', null],
  ];

  it.each(forbidden)('refuses %s in a PATCH body with 400 naming it, and changes nothing', async (field, value) => {
    const ada = await createUser(api, { name: 'Ada' });
    const before = await row(ada.id);
    const res = await patch(ada, { expectedVersion: 1, name: 'Changed', [field]: value });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toContainEqual({ field, constraints: { whitelistValidation: expect.any(String) } });
    expect(await row(ada.id)).toEqual(before);
  });

  it('refuses role in a PUT body too, and changes nothing', async () => {
    const ada = await createUser(api, { name: 'Ada' });
    const before = await row(ada.id);
    const res = await api.request('PUT', `/api/v1/users/${ada.id}`, {
      token: ada.token,
      body: { expectedVersion: 1, name: 'Changed', phone: null, city: null, bio: null, role: 'admin' },
    });
    expect(res.status).toBe(400);
    expect(await row(ada.id)).toEqual(before);
  });

  it('refuses a prototype-pollution body and changes nothing', async () => {
    const ada = await createUser(api, { name: 'Ada' });
    const before = await row(ada.id);
    const res = await api.request('PATCH', `/api/v1/users/${ada.id}`, {
      token: ada.token,
      rawBody: '{"expectedVersion":1,"name":"Changed","__proto__":{"role":"admin"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await row(ada.id)).toEqual(before);
  });

  it.each([
    ['an invalid phone', { phone: 'call me' }],
    ['an empty name', { name: '' }],
    ['a null name', { name: null }],
    ['a bio over 2000 characters', { bio: 'x'.repeat(2001) }],
  ])('refuses %s with 400', async (_name, change) => {
    const ada = await createUser(api);
    const res = await patch(ada, { expectedVersion: 1, ...change });
    expect(res.status).toBe(400);
    expect((await row(ada.id)).version).toBe(1);
  });

  it('answers 409 VERSION_CONFLICT with the current version to a stale expectedVersion, and changes nothing', async () => {
    const ada = await createUser(api, { name: 'Ada' });
    await patch(ada, { expectedVersion: 1, name: 'First' });
    const res = await patch(ada, { expectedVersion: 1, name: 'Stale' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect(await row(ada.id)).toMatchObject({ name: 'First', version: 2 });
  });

  it('lets exactly one of several concurrent PATCHes with the same version win', async () => {
    const ada = await createUser(api, { name: 'Ada' });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => patch(ada, { expectedVersion: 1, name: `Writer ${i}` })));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.details.currentVersion === 2)).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await row(ada.id)).toMatchObject({ name: winners[0].body.name, version: 2 });
  });

  it("answers 404 to a user or moderator editing someone else's profile, and changes nothing; an admin may edit it", async () => {
    const ada = await createUser(api, { name: 'Ada' });
    for (const role of ['adopter', 'moderator'] as const) {
      const intruder = await createUser(api, { role });
      const res = await patch(ada, { expectedVersion: 1, name: 'Hacked' }, intruder.token);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await row(ada.id)).name).toBe('Ada');
    const admin = await createUser(api, { role: 'admin' });
    const res = await patch(ada, { expectedVersion: 1, name: 'Corrected' }, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Corrected');
  });
});

describe('GET and PUT /users/{userId}/preferences', () => {
  const path = (user: TestUser) => `/api/v1/users/${user.id}/preferences`;
  const body = (expectedVersion: number) => ({
    expectedVersion,
    notifications: { ...DEFAULT_PREFERENCES.notifications, newsletter: { email: true, inApp: true } },
    quietHours: { enabled: true, start: '21:30', end: '07:15' },
    locale: 'en-GB',
    timezone: 'Europe/London',
  });

  it('creates the defaults (version 1) on first read', async () => {
    const ada = await createUser(api);
    expect(await db.getRepository(UserPreferencesEntity).findOneBy({ userId: ada.id })).toBeNull();
    const res = await api.request('GET', path(ada), { token: ada.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...DEFAULT_PREFERENCES, version: 1, updatedAt: expect.any(String) });
    expect(await db.getRepository(UserPreferencesEntity).findOneBy({ userId: ada.id })).toMatchObject({ version: 1, locale: 'en' });
    expect((await api.request('GET', path(ada), { token: ada.token })).body).toEqual(res.body);
  });

  it('replaces them at the expected version and keeps them', async () => {
    const ada = await createUser(api);
    const res = await api.request('PUT', path(ada), { token: ada.token, body: body(1) });
    expect(res.status).toBe(200);
    const { expectedVersion: _v, ...saved } = body(1);
    expect(res.body).toEqual({ ...saved, version: 2, updatedAt: expect.any(String) });
    expect((await api.request('GET', path(ada), { token: ada.token })).body).toEqual(res.body);
  });

  it('answers 409 with the current version to a stale write and keeps the stored preferences', async () => {
    const ada = await createUser(api);
    await api.request('PUT', path(ada), { token: ada.token, body: body(1) });
    const res = await api.request('PUT', path(ada), { token: ada.token, body: { ...body(1), locale: 'fr' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await db.getRepository(UserPreferencesEntity).findOneByOrFail({ userId: ada.id })).locale).toBe('en-GB');
  });

  it.each([
    ['an impossible quiet-hours time', { quietHours: { enabled: true, start: '25:00', end: '07:00' } }],
    ['an unknown notification type', { notifications: { ...DEFAULT_PREFERENCES.notifications, marketing: { email: true, inApp: true } } }],
    ['a missing channel', { notifications: { ...DEFAULT_PREFERENCES.notifications, messages: { email: true } } }],
    ['a malformed locale', { locale: 'english' }],
  ])('refuses %s with 400', async (_name, change) => {
    const ada = await createUser(api);
    const res = await api.request('PUT', path(ada), { token: ada.token, body: { ...body(1), ...change } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 to anyone else, admins included, and creates nothing', async () => {
    const ada = await createUser(api);
    for (const role of ['adopter', 'admin', 'super_admin'] as const) {
      const other = await createUser(api, { role });
      expect((await api.request('GET', path(ada), { token: other.token })).status).toBe(404);
      expect((await api.request('PUT', path(ada), { token: other.token, body: body(1) })).status).toBe(404);
    }
    expect(await db.getRepository(UserPreferencesEntity).findOneBy({ userId: ada.id })).toBeNull();
  });
});
