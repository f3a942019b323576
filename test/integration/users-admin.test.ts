// Account management by admins: activation, deactivation (ends every session) and role changes (bite at the next
// request: a token with the earlier role is refused as stale, the session lives on).
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId, RedisClient } from '@app/common';
import { AuditLogEntity } from '@app/audit';
import { AuthSessionEntity, UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoleMarkers, roleMarkerKey } from '../../apps/api/src/modules/auth/role-markers';
import { startApi, type TestApi } from '../support/api';
import { claimsOf, createUser, signIn, type TestUser } from '../support/identity';

let api: TestApi;
let db: DataSource;
let admin: TestUser;
let superAdmin: TestUser;
beforeAll(async () => {
  api = await startApi();
  db = api.app.get<DataSource>(getDataSourceToken());
  admin = await createUser(api, { role: 'admin' });
  superAdmin = await createUser(api, { role: 'super_admin' });
});
afterAll(() => api.close());

const row = (id: string) => db.getRepository(UserEntity).findOneByOrFail({ id });
const auditOf = (targetId: string, action: string) => db.getRepository(AuditLogEntity).findBy({ targetId, action });
const post = (path: string, token: string) => api.request('POST', path, { token });
const putRole = (target: TestUser, role: string, token: string, expectedVersion = 1) =>
  api.request('PUT', `/api/v1/users/${target.id}/role`, { token, body: { role, expectedVersion } });

describe('POST /users/{userId}/deactivate', () => {
  it('deactivates the account, revokes every session (its tokens stop working) and audits it', async () => {
    const ada = await createUser(api);
    await db.getRepository(AuthSessionEntity).insert({ id: newId(), userId: ada.id, device: 'phone', ip: null, expiresAt: new Date(Date.now() + 3600_000) });
    expect((await api.request('GET', `/api/v1/users/${ada.id}`, { token: ada.token })).status).toBe(200);

    const res = await post(`/api/v1/users/${ada.id}/deactivate`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ada.id, status: 'deactivated', version: 2 });

    const sessions = await db.getRepository(AuthSessionEntity).findBy({ userId: ada.id });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.revokedAt !== null && s.revokedReason === 'deactivated')).toBe(true);
    expect((await api.request('GET', `/api/v1/users/${ada.id}`, { token: ada.token })).status).toBe(401);
    expect(await auditOf(ada.id, 'user.deactivated')).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        targetType: 'user',
        beforeState: { status: 'active' },
        afterState: { status: 'deactivated', sessionsRevoked: 2 },
      }),
    ]);
  });

  it('is idempotent on a deactivated account', async () => {
    const off = await createUser(api, { status: 'deactivated' });
    const res = await post(`/api/v1/users/${off.id}/deactivate`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'deactivated', version: 1 });
    expect(await auditOf(off.id, 'user.deactivated')).toEqual([]);
  });

  it('forbids deactivating oneself', async () => {
    const res = await post(`/api/v1/users/${admin.id}/deactivate`, admin.token);
    expect(res.status).toBe(403);
    expect((await row(admin.id)).status).toBe('active');
  });

  it('forbids an admin to deactivate another admin; a super_admin may', async () => {
    const other = await createUser(api, { role: 'admin' });
    expect((await post(`/api/v1/users/${other.id}/deactivate`, admin.token)).status).toBe(403);
    expect((await row(other.id)).status).toBe('active');
    expect((await post(`/api/v1/users/${other.id}/deactivate`, superAdmin.token)).body.status).toBe('deactivated');
  });

  it('answers 403 to a role without users:manage and 409 for an account pending deletion', async () => {
    const ada = await createUser(api);
    const moderator = await createUser(api, { role: 'moderator' });
    expect((await post(`/api/v1/users/${ada.id}/deactivate`, moderator.token)).status).toBe(403);
    const leaving = await createUser(api, { status: 'pending_deletion' });
    const res = await post(`/api/v1/users/${leaving.id}/deactivate`, admin.token);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
  });
});

describe('POST /users/{userId}/activate', () => {
  it('re-activates a deactivated account and audits it', async () => {
    const off = await createUser(api, { status: 'deactivated' });
    const res = await post(`/api/v1/users/${off.id}/activate`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', version: 2 });
    expect(await auditOf(off.id, 'user.activated')).toEqual([
      expect.objectContaining({ actorId: admin.id, beforeState: { status: 'deactivated' }, afterState: { status: 'active' } }),
    ]);
  });

  it('refuses to activate an account pending deletion (that is what cancelling the deletion is for) or deleted', async () => {
    for (const status of ['pending_deletion', 'deleted'] as const) {
      const user = await createUser(api, { status });
      const res = await post(`/api/v1/users/${user.id}/activate`, admin.token);
      expect(res.status).toBe(409);
      expect((await row(user.id)).status).toBe(status);
    }
  });

  it('answers 404 for an unknown account', async () => {
    expect((await post('/api/v1/users/00000000-0000-7000-8000-000000000000/activate', admin.token)).status).toBe(404);
  });
});

describe('PUT /users/{userId}/role', () => {
  it('lets an admin grant a non-admin role, audited as user.role_changed', async () => {
    const ada = await createUser(api);
    const res = await putRole(ada, 'moderator', admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'moderator', version: 2 });
    expect(await auditOf(ada.id, 'user.role_changed')).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        targetType: 'user',
        beforeState: { role: 'adopter' },
        afterState: { role: 'moderator', accessTokens: 'stale', sessions: 'kept' },
      }),
    ]);
  });

  it('forbids an admin to grant admin or super_admin, or to demote an admin', async () => {
    const ada = await createUser(api);
    const other = await createUser(api, { role: 'admin' });
    for (const [target, role] of [
      [ada, 'admin'],
      [ada, 'super_admin'],
      [other, 'adopter'],
    ] as const) {
      const res = await putRole(target, role, admin.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await row(ada.id)).role).toBe('adopter');
    expect((await row(other.id)).role).toBe('admin');
    expect(await auditOf(ada.id, 'user.role_changed')).toEqual([]);
  });

  it('lets a super_admin grant and remove admin', async () => {
    const ada = await createUser(api);
    expect((await putRole(ada, 'admin', superAdmin.token)).body.role).toBe('admin');
    expect((await putRole(ada, 'rehomer', superAdmin.token, 2)).body.role).toBe('rehomer');
  });

  it('forbids anyone to change their own role', async () => {
    for (const self of [admin, superAdmin]) {
      const res = await putRole(self, 'adopter', self.token, (await row(self.id)).version);
      expect(res.status).toBe(403);
      expect((await row(self.id)).role).toBe(self.role);
    }
  });

  it('answers 409 with the current version to a stale expectedVersion', async () => {
    const ada = await createUser(api);
    await putRole(ada, 'rehomer', admin.token);
    const res = await putRole(ada, 'moderator', admin.token, 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await row(ada.id)).role).toBe('rehomer');
  });

  it('refuses an unknown role (400) and callers without users:manage (403)', async () => {
    const ada = await createUser(api);
    expect((await putRole(ada, 'wizard', admin.token)).status).toBe(400);
    const moderator = await createUser(api, { role: 'moderator' });
    expect((await putRole(ada, 'rehomer', moderator.token)).status).toBe(403);
    expect((await row(ada.id)).role).toBe('adopter');
  });
});

describe('a role change bites at the next request', () => {
  const listUsers = (token: string) => api.request('GET', '/api/v1/users', { token });
  const refresh = (refreshToken: string) => api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
  const STALE = { code: 'TOKEN_STALE', message: 'The role of this account changed; refresh the access token and retry.', details: {} };

  it("refuses a demoted moderator's access token as stale; one refresh gives the new role, and the session lives on", async () => {
    const mod = await createUser(api, { role: 'moderator' });
    const tokens = await signIn(api, mod);
    expect((await listUsers(tokens.accessToken)).status).toBe(200);

    expect((await putRole(mod, 'adopter', admin.token)).status).toBe(200);
    const stale = await listUsers(tokens.accessToken);
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual(STALE);

    const refreshed = await refresh(tokens.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.sessionId).toBe(tokens.sessionId);
    expect(claimsOf(refreshed.body.accessToken).role).toBe('adopter');
    const forbidden = await listUsers(refreshed.body.accessToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await db.getRepository(AuthSessionEntity).findOneByOrFail({ id: tokens.sessionId })).revokedAt).toBeNull();
  });

  it("refuses a promoted adopter's old token too (it must not keep a role it lost track of), and the refreshed one has the new role", async () => {
    const ada = await createUser(api);
    const tokens = await signIn(api, ada);
    expect((await listUsers(tokens.accessToken)).status).toBe(403);

    expect((await putRole(ada, 'moderator', admin.token)).status).toBe(200);
    expect((await api.request('GET', '/api/v1/auth/me', { token: tokens.accessToken })).body).toEqual(STALE);
    expect((await listUsers(tokens.accessToken)).body).toEqual(STALE);

    const refreshed = await refresh(tokens.refreshToken);
    expect(claimsOf(refreshed.body.accessToken).role).toBe('moderator');
    expect((await listUsers(refreshed.body.accessToken)).status).toBe(200);
  });

  it('keeps the marker of the later change when two changes mark out of order (after-commit writes race)', async () => {
    const ada = await createUser(api);
    const markers = api.app.get(RoleMarkers);
    await markers.record(ada.id, 3, 'rehomer');
    await markers.record(ada.id, 2, 'moderator');
    expect(await api.app.get(RedisClient).get(roleMarkerKey(ada.id))).toBe('3:rehomer');
    await markers.record(ada.id, 4, 'adopter');
    expect(await api.app.get(RedisClient).get(roleMarkerKey(ada.id))).toBe('4:adopter');
  });

  it('accepts again a token whose role the account has once more (changed and changed back)', async () => {
    const ada = await createUser(api);
    await putRole(ada, 'rehomer', admin.token, 1);
    expect((await api.request('GET', '/api/v1/auth/me', { token: ada.token })).status).toBe(401);
    await putRole(ada, 'adopter', admin.token, 2);
    expect((await api.request('GET', '/api/v1/auth/me', { token: ada.token })).status).toBe(200);
  });
});
