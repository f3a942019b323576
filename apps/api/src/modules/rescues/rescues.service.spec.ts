import { describe, expect, it } from 'vitest';
import type { CreateRescueRequestDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { rescueFakes } from '../../../../../test/support/rescues-fakes';
import { RescuesService } from './rescues.service';

function setup() {
  const fakes = rescueFakes();
  const service = new RescuesService(fakes.rescues, fakes.staff, fakes.promotion, fakes.audit.asService());
  const create = (caller: Principal, request: CreateRescueRequestDto) => fakes.store.transaction((tx) => service.create(tx, caller, request));
  return { ...fakes, service, create };
}

const body = (overrides: Partial<CreateRescueRequestDto> = {}): CreateRescueRequestDto =>
  ({
    name: 'Happy Tails',
    description: 'Dogs.',
    email: 'hi@example.org',
    city: 'Leeds',
    region: 'West Yorkshire',
    postcode: 'LS1',
    ...overrides,
  }) as CreateRescueRequestDto;

describe('RescuesService.create', () => {
  it('creates a pending rescue with default settings, makes the caller its admin and promotes an adopter', async () => {
    const { create, store, audit, roleChanges } = setup();
    const ada = store.account('adopter');
    const rescue = await create(ada, body());
    expect(rescue).toMatchObject({ status: 'pending', country: 'GB', settings: { defaultAdoptionFee: null, adoptionPolicy: '', waitlistOnApproval: false } });
    expect(store.staff).toEqual([expect.objectContaining({ rescueId: rescue.id, userId: ada.userId, role: 'admin' })]);
    expect(store.accounts.get(ada.userId)!.role).toBe('rescue_admin');
    expect(audit.events.map((e) => e.action)).toEqual(['rescue.registered']);
    expect(roleChanges.changes).toEqual([
      { userId: ada.userId, from: 'adopter', to: 'rescue_admin', context: { reason: 'rescue.registered', rescueId: rescue.id } },
    ]);
  });

  it.each(['moderator', 'admin', 'rescue_admin'] as const)('keeps the platform role of a %s', async (role) => {
    const { create, store, roleChanges } = setup();
    const caller = store.account(role);
    await create(caller, body());
    expect(store.accounts.get(caller.userId)!.role).toBe(role);
    expect(roleChanges.changes).toEqual([]);
  });
});

describe('RescuesService.list', () => {
  it('pages the directory by name then id, without rejected or deleted rescues', async () => {
    const { service, store } = setup();
    const ids = ['Cedar', 'Alder', 'Birch', 'Birch'].map((name) => store.rescue({ name }).id);
    store.rescue({ name: 'Aaa rejected', status: 'rejected' });
    store.rescue({ name: 'Aaa deleted', deletedAt: new Date() });
    const first = await service.list({ limit: 3 });
    expect(first.items.map((r) => r.id)).toEqual([ids[1], ids[2], ids[3]]);
    expect(first.total).toBe(4);
    const second = await service.list({ limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const { service } = setup();
    await expect(service.list({ cursor: 'bogus' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('RescuesService.update and replace', () => {
  it("lets the rescue's admin change fields, audited by field name", async () => {
    const { service, store, audit } = setup();
    const rescue = store.rescue();
    const admin = store.account('rescue_admin');
    store.member(rescue.id, admin, 'admin');
    const dto = await service.update(admin, rescue.id, { expectedVersion: 1, city: 'York', phone: null });
    expect(dto).toMatchObject({ city: 'York', phone: null, version: 2 });
    expect(audit.events).toEqual([expect.objectContaining({ action: 'rescue.updated', after: { version: 2, fields: ['phone', 'city'] } })]);
  });

  it('answers FORBIDDEN to a volunteer, an outsider and a platform admin', async () => {
    const { service, store } = setup();
    const rescue = store.rescue();
    const volunteer = store.account('rescue_staff');
    store.member(rescue.id, volunteer, 'volunteer');
    for (const caller of [volunteer, store.account('rescue_admin'), store.account('super_admin')]) {
      await expect(service.update(caller, rescue.id, { expectedVersion: 1, city: 'York' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(store.rescues.get(rescue.id)!.version).toBe(1);
  });

  it('answers VERSION_CONFLICT to a stale version, also for an empty change', async () => {
    const { service, store } = setup();
    const rescue = store.rescue({ version: 3 });
    const admin = store.account();
    store.member(rescue.id, admin, 'admin');
    await expect(service.update(admin, rescue.id, { expectedVersion: 2, city: 'York' })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 3 },
    });
    await expect(service.update(admin, rescue.id, { expectedVersion: 2 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await service.update(admin, rescue.id, { expectedVersion: 3 })).toMatchObject({ version: 3 });
  });

  it('PUT replaces every editable field and stores only the known settings keys', async () => {
    const { service, store } = setup();
    const rescue = store.rescue({ phone: '0113' });
    const admin = store.account();
    store.member(rescue.id, admin, 'admin');
    const settings = { defaultAdoptionFee: 80, adoptionPolicy: 'Policy', waitlistOnApproval: true, extra: 'x' };
    const dto = await service.replace(admin, rescue.id, {
      expectedVersion: 1,
      name: 'New',
      description: 'D',
      email: 'n@example.org',
      phone: null,
      website: null,
      city: 'Hull',
      region: 'East Yorkshire',
      postcode: 'HU1',
      settings,
    });
    expect(dto).toMatchObject({ name: 'New', phone: null, city: 'Hull', version: 2 });
    expect(store.rescues.get(rescue.id)!.settings).toEqual({ defaultAdoptionFee: 80, adoptionPolicy: 'Policy', waitlistOnApproval: true });
  });

  it('answers NOT_FOUND for a deleted rescue', async () => {
    const { service, store } = setup();
    const rescue = store.rescue({ deletedAt: new Date() });
    const admin = store.account();
    store.member(rescue.id, admin, 'admin');
    await expect(service.update(admin, rescue.id, { expectedVersion: 1, city: 'York' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get(rescue.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('RescuesService.delete', () => {
  it("soft-deletes for the rescue's admin or a platform admin, not for staff or outsiders", async () => {
    const { service, store, audit } = setup();
    const [a, b] = [store.rescue(), store.rescue()];
    const admin = store.account();
    store.member(a.id, admin, 'admin');
    const staffer = store.account('rescue_staff');
    store.member(a.id, staffer, 'staff');
    await expect(service.delete(staffer, a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.delete(store.account('moderator'), a.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await service.delete(admin, a.id);
    await service.delete(store.account('admin'), b.id);
    expect(store.rescues.get(a.id)!.deletedAt).toBeInstanceOf(Date);
    expect(store.rescues.get(b.id)!.deletedAt).toBeInstanceOf(Date);
    expect(audit.events.map((e) => (e.after as { as: string }).as)).toEqual(['rescue_admin', 'platform_admin']);
    await expect(service.delete(admin, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('RescuesService.verify and reject', () => {
  it('verifies pending and rejected rescues and refuses a verified one with INVALID_TRANSITION', async () => {
    const { service, store, audit } = setup();
    const pending = store.rescue();
    const rejected = store.rescue({ status: 'rejected', rejectionReason: 'No number.' });
    expect(await service.verify(pending.id)).toMatchObject({ status: 'verified', rejectionReason: null });
    expect(await service.verify(rejected.id)).toMatchObject({ status: 'verified', rejectionReason: null });
    await expect(service.verify(pending.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'verified', to: 'verified' } });
    expect(audit.events[1]).toMatchObject({
      action: 'rescue.verified',
      before: { status: 'rejected', rejectionReason: 'No number.' },
      after: { status: 'verified' },
    });
  });

  it('rejects pending and verified rescues (clearing verifiedAt) and refuses a rejected one', async () => {
    const { service, store, audit } = setup();
    const verified = store.rescue({ status: 'verified', verifiedAt: new Date('2026-01-02T00:00:00.000Z') });
    expect(await service.reject(verified.id, 'Fraud.')).toMatchObject({ status: 'rejected', verifiedAt: null, rejectionReason: 'Fraud.' });
    await expect(service.reject(verified.id, 'Again.')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(audit.events).toEqual([
      expect.objectContaining({
        action: 'rescue.rejected',
        before: { status: 'verified', verifiedAt: '2026-01-02T00:00:00.000Z', rejectionReason: null },
        after: { status: 'rejected', verifiedAt: null, rejectionReason: 'Fraud.' },
      }),
    ]);
  });
});
