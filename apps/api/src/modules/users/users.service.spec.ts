import { describe, expect, it } from 'vitest';
import { FakeAudit, FakeRoleChanges, FakeSessions, InMemoryUsersRepository, principalOf, userRow } from '../../../../../test/support/users-fakes';
import { UsersService } from './users.service';

function setup() {
  const repository = new InMemoryUsersRepository();
  const audit = new FakeAudit();
  const sessions = new FakeSessions();
  const roleChanges = new FakeRoleChanges({
    roleOf: (id) => repository.users.get(id)?.role,
    setRole: (id, role) => {
      const user = repository.users.get(id)!;
      Object.assign(user, { role, version: user.version + 1 });
    },
  });
  const service = new UsersService(repository, sessions.asRepository(), roleChanges.asService(), audit.asService());
  return { repository, audit, sessions, roleChanges, service };
}

describe('UsersService.get', () => {
  it('shows users their own record and moderators anyone, but answers 404 to another plain user', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    const bob = userRow();
    const mod = userRow({ role: 'moderator' });
    repository.add(ada, bob, mod);
    expect((await service.get(principalOf(ada), ada.id)).id).toBe(ada.id);
    expect((await service.get(principalOf(mod), ada.id)).email).toBe(ada.email);
    await expect(service.get(principalOf(bob), ada.id)).rejects.toMatchObject({ code: 'NOT_FOUND', details: { resource: 'User', id: ada.id } });
  });
});

describe('UsersService.update and replace', () => {
  it('changes only the fields present, bumps the version and audits field names without their values', async () => {
    const { repository, audit, service } = setup();
    const ada = userRow({ city: 'Leeds', bio: 'likes cats' });
    repository.add(ada);
    const dto = await service.update(principalOf(ada), ada.id, { expectedVersion: 1, name: 'Ada L.', phone: '+44 1234' });
    expect(dto).toMatchObject({ name: 'Ada L.', phone: '+44 1234', city: 'Leeds', bio: 'likes cats', version: 2 });
    expect(audit.events).toEqual([
      { action: 'user.updated', targetType: 'user', targetId: ada.id, before: { version: 1 }, after: { version: 2, fields: ['name', 'phone'] } },
    ]);
    expect(JSON.stringify(audit.events)).not.toContain('Ada L.');
  });

  it('clears an optional field given null, and PUT replaces every profile field', async () => {
    const { repository, service } = setup();
    const ada = userRow({ city: 'Leeds', bio: 'likes cats', phone: '+44 1' });
    repository.add(ada);
    expect(await service.update(principalOf(ada), ada.id, { expectedVersion: 1, city: null })).toMatchObject({ city: null, bio: 'likes cats', version: 2 });
    const replaced = await service.replace(principalOf(ada), ada.id, { expectedVersion: 2, name: 'New', phone: null, city: 'York', bio: null });
    expect(replaced).toMatchObject({ name: 'New', phone: null, city: 'York', bio: null, version: 3 });
  });

  it('rejects a stale version with VERSION_CONFLICT carrying the current version and changes nothing', async () => {
    const { repository, audit, service } = setup();
    const ada = userRow({ version: 4, name: 'Ada' });
    repository.add(ada);
    await expect(service.update(principalOf(ada), ada.id, { expectedVersion: 3, name: 'Late' })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 4 },
    });
    expect(repository.users.get(ada.id)).toMatchObject({ name: 'Ada', version: 4 });
    expect(audit.events).toEqual([]);
  });

  it('checks the version of an empty change too, without bumping it', async () => {
    const { repository, audit, service } = setup();
    const ada = userRow({ version: 2 });
    repository.add(ada);
    expect((await service.update(principalOf(ada), ada.id, { expectedVersion: 2 })).version).toBe(2);
    await expect(service.update(principalOf(ada), ada.id, { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    expect(audit.events).toEqual([]);
  });

  it("answers 404 to a user or moderator editing someone else's profile; an admin may", async () => {
    const { repository, service } = setup();
    const ada = userRow({ name: 'Ada' });
    const bob = userRow();
    const mod = userRow({ role: 'moderator' });
    const admin = userRow({ role: 'admin' });
    repository.add(ada, bob, mod, admin);
    for (const intruder of [bob, mod]) {
      await expect(service.update(principalOf(intruder), ada.id, { expectedVersion: 1, name: 'Hacked' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(repository.users.get(ada.id)?.name).toBe('Ada');
    expect((await service.update(principalOf(admin), ada.id, { expectedVersion: 1, name: 'Fixed' })).name).toBe('Fixed');
  });

  it('refuses to edit an anonymised account', async () => {
    const { repository, service } = setup();
    const admin = userRow({ role: 'admin' });
    const gone = userRow({ status: 'deleted' });
    repository.add(admin, gone);
    await expect(service.update(principalOf(admin), gone.id, { expectedVersion: 1, name: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('UsersService.list', () => {
  it('pages newest first with a cursor until every match was returned once, with the total of matches', async () => {
    const { repository, service } = setup();
    const rows = Array.from({ length: 5 }, (_, i) => userRow({ createdAt: new Date(Date.UTC(2026, 0, 1 + i)) }));
    repository.add(...rows);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await service.list({ limit: 2, cursor });
      expect(result.total).toBe(5);
      seen.push(...result.items.map((u) => u.id));
      cursor = result.nextCursor ?? undefined;
      if (page < 2) expect(cursor).toEqual(expect.any(String));
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(rows.map((u) => u.id).reverse());
  });

  it('uses 20 as the default page size', async () => {
    const { repository, service } = setup();
    repository.add(...Array.from({ length: 21 }, () => userRow()));
    const page = await service.list({});
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const { service } = setup();
    await expect(service.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('UsersService.activate and deactivate', () => {
  it('deactivates an active account, revokes its sessions and audits it', async () => {
    const { repository, audit, sessions, service } = setup();
    const admin = userRow({ role: 'admin' });
    const ada = userRow();
    repository.add(admin, ada);
    sessions.live.set(ada.id, 2);
    const dto = await service.deactivate(principalOf(admin), ada.id);
    expect(dto).toMatchObject({ status: 'deactivated', version: 2 });
    // Every session, and their access tokens at once (not only at their expiry).
    expect(sessions.revocations).toEqual([{ userId: ada.id, reason: 'deactivated', keepSessionId: undefined, options: { endAccessTokens: true } }]);
    expect(audit.events).toEqual([
      { action: 'user.deactivated', targetType: 'user', targetId: ada.id, before: { status: 'active' }, after: { status: 'deactivated', sessionsRevoked: 2 } },
    ]);
  });

  it('is idempotent on a deactivated account and refuses accounts pending deletion or deleted', async () => {
    const { repository, audit, service } = setup();
    const admin = userRow({ role: 'admin' });
    const off = userRow({ status: 'deactivated', version: 3 });
    const leaving = userRow({ status: 'pending_deletion' });
    const gone = userRow({ status: 'deleted' });
    repository.add(admin, off, leaving, gone);
    expect(await service.deactivate(principalOf(admin), off.id)).toMatchObject({ status: 'deactivated', version: 3 });
    for (const user of [leaving, gone]) {
      await expect(service.deactivate(principalOf(admin), user.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(service.activate(principalOf(admin), user.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    expect(audit.events).toEqual([]);
  });

  it('activates a deactivated account and audits it', async () => {
    const { repository, audit, service } = setup();
    const admin = userRow({ role: 'admin' });
    const off = userRow({ status: 'deactivated' });
    repository.add(admin, off);
    expect(await service.activate(principalOf(admin), off.id)).toMatchObject({ status: 'active', version: 2 });
    expect(audit.events.map((e) => e.action)).toEqual(['user.activated']);
  });

  it('forbids deactivating oneself, and an admin deactivating another admin; a super_admin may', async () => {
    const { repository, service } = setup();
    const admin = userRow({ role: 'admin' });
    const otherAdmin = userRow({ role: 'admin' });
    const root = userRow({ role: 'super_admin' });
    repository.add(admin, otherAdmin, root);
    await expect(service.deactivate(principalOf(admin), admin.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.deactivate(principalOf(admin), otherAdmin.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.users.get(otherAdmin.id)?.status).toBe('active');
    expect((await service.deactivate(principalOf(root), otherAdmin.id)).status).toBe('deactivated');
  });

  it('answers 404 for an unknown account', async () => {
    const { repository, service } = setup();
    const admin = userRow({ role: 'admin' });
    repository.add(admin);
    await expect(service.activate(principalOf(admin), '00000000-0000-7000-8000-ffffffffffff')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('UsersService.changeRole', () => {
  it('lets an admin grant a non-admin role, through RoleChanges', async () => {
    const { repository, roleChanges, service } = setup();
    const admin = userRow({ role: 'admin' });
    const ada = userRow();
    repository.add(admin, ada);
    expect(await service.changeRole(principalOf(admin), ada.id, { role: 'moderator', expectedVersion: 1 })).toMatchObject({ role: 'moderator', version: 2 });
    expect(roleChanges.changes).toEqual([{ userId: ada.id, from: 'adopter', to: 'moderator' }]);
  });

  it('forbids an admin to grant or remove admin roles; a super_admin may', async () => {
    const { repository, service } = setup();
    const admin = userRow({ role: 'admin' });
    const root = userRow({ role: 'super_admin' });
    const ada = userRow();
    const otherAdmin = userRow({ role: 'admin' });
    repository.add(admin, root, ada, otherAdmin);
    await expect(service.changeRole(principalOf(admin), ada.id, { role: 'admin', expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.changeRole(principalOf(admin), ada.id, { role: 'super_admin', expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.changeRole(principalOf(admin), otherAdmin.id, { role: 'adopter', expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.users.get(ada.id)?.role).toBe('adopter');
    expect(repository.users.get(otherAdmin.id)?.role).toBe('admin');
    expect((await service.changeRole(principalOf(root), ada.id, { role: 'admin', expectedVersion: 1 })).role).toBe('admin');
    expect((await service.changeRole(principalOf(root), otherAdmin.id, { role: 'adopter', expectedVersion: 1 })).role).toBe('adopter');
  });

  it('forbids changing one’s own role, even for a super_admin', async () => {
    const { repository, service } = setup();
    const root = userRow({ role: 'super_admin' });
    repository.add(root);
    await expect(service.changeRole(principalOf(root), root.id, { role: 'adopter', expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.users.get(root.id)?.role).toBe('super_admin');
  });

  it('rejects a stale version', async () => {
    const { repository, service } = setup();
    const admin = userRow({ role: 'admin' });
    const ada = userRow({ version: 5 });
    repository.add(admin, ada);
    await expect(service.changeRole(principalOf(admin), ada.id, { role: 'rehomer', expectedVersion: 4 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 5 },
    });
  });
});
