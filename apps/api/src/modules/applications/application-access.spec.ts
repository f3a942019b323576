import type { Role, StaffRole } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { applicationAccessOf } from './application-access';

const caller = (userId: string, role: Role = 'adopter') => ({ userId, role, sessionId: 's' });
const rescueApplication = { applicantId: 'applicant', ownerType: 'rescue' as const, rescueId: 'rescue', ownerUserId: null };
const rehomerApplication = { applicantId: 'applicant', ownerType: 'individual' as const, rescueId: null, ownerUserId: 'rehomer' };

describe('who may see and act on an application', () => {
  it("makes the rescue's admins and staff its owner side, and volunteers readers only", () => {
    const of = (role: StaffRole | null) => applicationAccessOf(rescueApplication, caller('member', 'rescue_staff'), role);
    expect(of('admin')).toEqual({ applicant: false, owner: true, insider: true, readsAll: false, visible: true });
    expect(of('staff')).toMatchObject({ owner: true, insider: true });
    expect(of('volunteer')).toEqual({ applicant: false, owner: false, insider: true, readsAll: false, visible: true });
    expect(of(null)).toMatchObject({ owner: false, insider: false, visible: false });
  });

  it('makes the rehomer the owner side of applications for their pet', () => {
    expect(applicationAccessOf(rehomerApplication, caller('rehomer', 'rehomer'), null)).toMatchObject({ owner: true, insider: true, visible: true });
    expect(applicationAccessOf(rehomerApplication, caller('someone'), null)).toMatchObject({ owner: false, visible: false });
  });

  it('lets the applicant see their own application without making them an insider', () => {
    expect(applicationAccessOf(rescueApplication, caller('applicant'), null)).toEqual({
      applicant: true,
      owner: false,
      insider: false,
      readsAll: false,
      visible: true,
    });
  });

  it('lets platform admins read every application but act on none; moderators read none', () => {
    for (const role of ['admin', 'super_admin'] as const) {
      expect(applicationAccessOf(rescueApplication, caller('staffer', role), null)).toEqual({
        applicant: false,
        owner: false,
        insider: false,
        readsAll: true,
        visible: true,
      });
    }
    expect(applicationAccessOf(rescueApplication, caller('mod', 'moderator'), null).visible).toBe(false);
  });

  it('never makes an applicant who joined the rescue later the owner side (or an insider) of their own application', () => {
    expect(applicationAccessOf(rescueApplication, caller('applicant', 'rescue_staff'), 'admin')).toEqual({
      applicant: true,
      owner: false,
      insider: false,
      readsAll: false,
      visible: true,
    });
  });

  it('ignores a rescue role for a rehomer pet (the role is of another rescue)', () => {
    expect(applicationAccessOf(rehomerApplication, caller('member'), 'admin')).toMatchObject({ owner: false, insider: false, visible: false });
  });
});
