import { describe, expect, it } from 'vitest';
import type { Principal } from '@app/identity';
import { petAccessOf } from './pet-access';

const caller = (role: Principal['role'], userId = 'u-1'): Principal => ({ userId, role, sessionId: 's' });
const rescuePet = (listingStatus: 'draft' | 'published') => ({
  ownerType: 'rescue' as const,
  rescueId: 'r-1',
  ownerUserId: null,
  listingStatus,
  deletedAt: null,
});
const rehomerPet = (listingStatus: 'draft' | 'published', ownerUserId = 'u-1') => ({
  ownerType: 'individual' as const,
  rescueId: null,
  ownerUserId,
  listingStatus,
  deletedAt: null,
});

describe('petAccessOf', () => {
  it("makes a rescue's admins and staff its pets' owner side, and its volunteers insiders who change nothing", () => {
    expect(petAccessOf(rescuePet('draft'), caller('rescue_staff'), 'staff')).toEqual({ owner: true, insider: true, moderator: false, visible: true });
    expect(petAccessOf(rescuePet('draft'), caller('rescue_admin'), 'admin')).toMatchObject({ owner: true });
    expect(petAccessOf(rescuePet('draft'), caller('rescue_staff'), 'volunteer')).toEqual({ owner: false, insider: true, moderator: false, visible: true });
  });

  it('shows a draft to nobody else but moderators, and a published pet to everyone', () => {
    expect(petAccessOf(rescuePet('draft'), null, null).visible).toBe(false);
    expect(petAccessOf(rescuePet('draft'), caller('admin'), null)).toEqual({ owner: false, insider: false, moderator: true, visible: true });
    expect(petAccessOf(rehomerPet('draft', 'someone-else'), caller('adopter'), null).visible).toBe(false);
    expect(petAccessOf(rehomerPet('published', 'someone-else'), null, null)).toEqual({ owner: false, insider: false, moderator: false, visible: true });
  });

  it('makes the rehomer the owner side of their own listing only', () => {
    expect(petAccessOf(rehomerPet('draft'), caller('rehomer'), null).owner).toBe(true);
    expect(petAccessOf(rehomerPet('draft'), caller('rehomer', 'u-2'), null).owner).toBe(false);
  });

  it('hides a deleted pet from everyone, owner and moderators included', () => {
    const deleted = { ...rehomerPet('published'), deletedAt: new Date() };
    expect(petAccessOf(deleted, caller('rehomer'), null).visible).toBe(false);
    expect(petAccessOf(deleted, caller('super_admin', 'u-9'), null).visible).toBe(false);
  });
});
