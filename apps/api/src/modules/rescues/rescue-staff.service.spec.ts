import { describe, expect, it } from 'vitest';
import type { InviteStaffRequestDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { rescueFakes } from '../../../../../test/support/rescues-fakes';
import { sha256Hex } from '../auth/secrets';
import { INVITATION_TTL_MS, RescueStaffService } from './rescue-staff.service';

function setup() {
  const fakes = rescueFakes();
  const service = new RescueStaffService(fakes.rescues, fakes.staff, fakes.promotion, fakes.mailer.asMailer(), fakes.audit.asService());
  const invite = (caller: Principal, rescueId: string, request: InviteStaffRequestDto) =>
    fakes.store.transaction((tx) => service.invite(tx, caller, rescueId, request));
  const rescue = fakes.store.rescue({ name: 'Happy Tails' });
  const admin = fakes.store.account('rescue_admin', { name: 'Olive' });
  fakes.store.member(rescue.id, admin, 'admin', new Date('2026-01-01T00:00:00.000Z'));
  return { ...fakes, service, invite, rescue, admin };
}

describe('RescueStaffService.invite', () => {
  it('stores only the hash of the token, mails the token after commit, and returns the invitation without it', async () => {
    const { invite, store, mailer, rescue, admin, audit } = setup();
    const before = Date.now();
    const invitation = await invite(admin, rescue.id, { email: ' Ivy@Example.org ', role: 'staff' });
    expect(invitation).toMatchObject({ rescueId: rescue.id, email: 'ivy@example.org', role: 'staff' });
    expect(invitation).not.toHaveProperty('token');
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(INVITATION_TTL_MS);
    expect(Date.parse(invitation.createdAt)).toBeGreaterThanOrEqual(before);

    expect(mailer.sent).toHaveLength(1);
    const mail = mailer.sent[0];
    expect(mail).toMatchObject({ to: 'ivy@example.org', userId: null, rescueName: 'Happy Tails', role: 'staff', inviterName: 'Olive' });
    expect(Buffer.from(mail.token, 'base64url')).toHaveLength(32);
    const stored = store.invitations.get(invitation.id)!;
    expect(stored.tokenHash).toBe(sha256Hex(mail.token));
    expect(JSON.stringify(audit.events)).not.toContain('ivy@example.org');
  });

  it('names the existing account of the address in the mail job', async () => {
    const { invite, store, mailer, rescue, admin } = setup();
    const ivy = store.account('adopter', { email: 'ivy@example.org' });
    await invite(admin, rescue.id, { email: 'ivy@example.org', role: 'volunteer' });
    expect(mailer.sent[0].userId).toBe(ivy.userId);
  });

  it('answers FORBIDDEN to a member who is not an admin and NOT_FOUND to an outsider, and mails nothing', async () => {
    const { invite, store, mailer, rescue } = setup();
    const staffer = store.account('rescue_staff');
    store.member(rescue.id, staffer, 'staff');
    await expect(invite(staffer, rescue.id, { email: 'a@example.org', role: 'staff' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(invite(store.account('rescue_admin'), rescue.id, { email: 'a@example.org', role: 'staff' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A platform admin sees the rescue's staff but does not invite.
    await expect(invite(store.account('admin'), rescue.id, { email: 'a@example.org', role: 'staff' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(mailer.sent).toEqual([]);
    expect(store.invitations.size).toBe(0);
  });

  it('answers CONFLICT when the address already belongs to a member', async () => {
    const { invite, store, rescue, admin } = setup();
    const member = store.account('rescue_staff', { email: 'member@example.org' });
    store.member(rescue.id, member, 'volunteer');
    await expect(invite(admin, rescue.id, { email: 'MEMBER@example.org', role: 'staff' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('RescueStaffService.accept', () => {
  async function invited(role: 'admin' | 'staff' | 'volunteer' = 'staff') {
    const context = setup();
    await context.invite(context.admin, context.rescue.id, { email: 'ivy@example.org', role });
    return { ...context, token: context.mailer.sent[0].token };
  }

  it('adds the invitee with the invited role, marks the invitation used and promotes the platform role', async () => {
    const { service, store, rescue, token, audit, roleChanges } = await invited('staff');
    const ivy = store.account('adopter', { email: 'ivy@example.org', name: 'Ivy' });
    const member = await service.accept(ivy, token);
    expect(member).toMatchObject({ userId: ivy.userId, rescueId: rescue.id, role: 'staff', name: 'Ivy', email: 'ivy@example.org' });
    expect(store.accounts.get(ivy.userId)!.role).toBe('rescue_staff');
    expect([...store.invitations.values()][0].acceptedAt).toBeInstanceOf(Date);
    expect(audit.events.map((e) => e.action)).toEqual(['rescue.staff_invited', 'rescue.staff_joined']);
    expect(roleChanges.changes).toEqual([
      { userId: ivy.userId, from: 'adopter', to: 'rescue_staff', context: { reason: 'rescue.invitation_accepted', rescueId: rescue.id } },
    ]);
  });

  it('promotes a rescue_staff invited as admin to rescue_admin', async () => {
    const { service, store, token } = await invited('admin');
    const ivy = store.account('rescue_staff', { email: 'ivy@example.org' });
    await service.accept(ivy, token);
    expect(store.accounts.get(ivy.userId)!.role).toBe('rescue_admin');
  });

  it('answers FORBIDDEN to another account and to an unverified holder of the address, and leaves the invitation usable', async () => {
    const { service, store, token } = await invited();
    await expect(service.accept(store.account('adopter', { email: 'eve@example.org' }), token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.accept(store.account('adopter', { email: 'ivy@example.org', emailVerifiedAt: null }), token)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect([...store.invitations.values()][0].acceptedAt).toBeNull();
    await expect(service.accept(store.account('adopter', { email: 'ivy@example.org' }), token)).resolves.toMatchObject({ role: 'staff' });
  });

  it('answers CONFLICT (used) to a second acceptance and (expired) after 7 days', async () => {
    const { service, store, token } = await invited();
    const ivy = store.account('adopter', { email: 'ivy@example.org' });
    await service.accept(ivy, token);
    await expect(service.accept(ivy, token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'used' } });

    const second = await invited();
    const ivy2 = second.store.account('adopter', { email: 'ivy@example.org' });
    [...second.store.invitations.values()][0].expiresAt = new Date(Date.now() - 1);
    await expect(second.service.accept(ivy2, second.token)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'expired' } });
    expect(second.store.staff.some((m) => m.userId === ivy2.userId)).toBe(false);
  });

  it('answers NOT_FOUND to an unknown token and to an invitation of a deleted rescue', async () => {
    const { service, store, rescue, token } = await invited();
    const ivy = store.account('adopter', { email: 'ivy@example.org' });
    await expect(service.accept(ivy, 'x'.repeat(43))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    store.rescues.get(rescue.id)!.deletedAt = new Date();
    await expect(service.accept(ivy, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('RescueStaffService.remove', () => {
  function withMembers() {
    const context = setup();
    const add = (role: 'admin' | 'staff' | 'volunteer'): Principal => {
      const user = context.store.account('rescue_staff');
      context.store.member(context.rescue.id, user, role);
      return user;
    };
    return { ...context, add };
  }

  it('refuses to remove the last admin, also when they leave themselves', async () => {
    const { service, admin, rescue, staff } = withMembers();
    await expect(service.remove(admin, rescue.id, admin.userId)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'last_admin' } });
    expect(staff.lockedAdminsOf).toEqual([rescue.id]);
  });

  it('lets one of two admins go, then keeps the other', async () => {
    const { service, admin, rescue, add, store } = withMembers();
    const second = add('admin');
    await service.remove(admin, rescue.id, second.userId);
    await expect(service.remove(admin, rescue.id, admin.userId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(store.staff.filter((m) => m.role === 'admin').map((m) => m.userId)).toEqual([admin.userId]);
  });

  it('lets a member leave, an admin remove a member; refuses others (FORBIDDEN) and outsiders (NOT_FOUND)', async () => {
    const { service, admin, rescue, add, store, audit } = withMembers();
    const [staffer, volunteer, leaver] = [add('staff'), add('volunteer'), add('volunteer')];
    await expect(service.remove(staffer, rescue.id, volunteer.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.remove(store.account('rescue_admin'), rescue.id, volunteer.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(store.account('admin'), rescue.id, volunteer.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await service.remove(leaver, rescue.id, leaver.userId);
    await service.remove(admin, rescue.id, volunteer.userId);
    await expect(service.remove(admin, rescue.id, volunteer.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(audit.events.map((e) => e.action)).toEqual(['rescue.staff_left', 'rescue.staff_removed']);
    expect(store.staff.map((m) => m.userId).sort()).toEqual([admin.userId, staffer.userId].sort());
  });
});

describe('RescueStaffService.list', () => {
  it('pages members newest first for members and platform admins, and hides them from outsiders', async () => {
    const { service, store, rescue, admin } = setup();
    const members = [1, 2, 3].map((day) => {
      const user = store.account('rescue_staff');
      store.member(rescue.id, user, 'volunteer', new Date(Date.UTC(2026, 1, day)));
      return user;
    });
    const first = await service.list(store.account('super_admin'), rescue.id, { limit: 2 });
    expect(first.items.map((m) => m.userId)).toEqual([members[2].userId, members[1].userId]);
    expect(first.total).toBe(4);
    const second = await service.list(members[0], rescue.id, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((m) => m.userId)).toEqual([members[0].userId, admin.userId]);
    expect(second.nextCursor).toBeNull();
    await expect(service.list(store.account('moderator'), rescue.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
