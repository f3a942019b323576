// Who may do what with a rescue. The guard has already checked the operation's own permission (if any); these
// rules add membership. The rescue record itself is public, so a signed-in caller who lacks a right on it gets
// 403. Its private parts (staff, analytics) do not exist for outsiders (404); a member, or a platform moderator,
// who may see them but lacks the right to act gets 403.
import { DomainError, NotFoundError } from '@app/common';
import type { Role, StaffRole } from '@app/contracts';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';

/** The caller as seen from one rescue: their role in it (null: not a member) and whether they moderate rescues. */
export interface RescueViewer {
  principal: Principal;
  role: StaffRole | null;
}

export const moderatesRescues = (principal: Principal) => hasPermission(principal.role, PERMISSIONS.rescuesModerate);

/** Staff (any role) and platform moderators see the rescue's private parts. */
export const seesPrivateParts = (viewer: RescueViewer) => viewer.role !== null || moderatesRescues(viewer.principal);

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

/** Staff list and analytics: members and moderators; anyone else gets 404, as if the rescue did not exist. */
export function assertSeesPrivateParts(viewer: RescueViewer, rescueId: string): void {
  if (!seesPrivateParts(viewer)) throw new NotFoundError('Rescue', rescueId);
}

/** Editing the record and its settings: the rescue's admins only (not platform admins). */
export function assertEditsRescue(viewer: RescueViewer): void {
  if (viewer.role !== 'admin') throw forbidden('Only an admin of this rescue can change it.');
}

/** Soft delete: the rescue's admins, or a platform moderator. */
export function assertDeletesRescue(viewer: RescueViewer): void {
  if (viewer.role !== 'admin' && !moderatesRescues(viewer.principal)) throw forbidden('Only an admin of this rescue or a platform admin can delete it.');
}

/** Invitations: the rescue's admins. */
export function assertInvitesStaff(viewer: RescueViewer, rescueId: string): void {
  assertSeesPrivateParts(viewer, rescueId);
  if (viewer.role !== 'admin') throw forbidden('Only an admin of this rescue can invite members.');
}

/** Removal: the rescue's admins, or a member leaving. */
export function assertRemovesStaff(viewer: RescueViewer, rescueId: string, userId: string): void {
  assertSeesPrivateParts(viewer, rescueId);
  const leaving = viewer.role !== null && viewer.principal.userId === userId;
  if (viewer.role !== 'admin' && !leaving) throw forbidden('Only an admin of this rescue can remove other members.');
}

/**
 * The platform role a member gets on joining a rescue with `staffRole`: adopters and rehomers become rescue_staff
 * (staff, volunteer) or rescue_admin (admin); a rescue_staff who becomes an admin somewhere becomes rescue_admin.
 * Moderators and platform admins keep their role, and nobody is ever lowered. null: no change.
 */
export function promotedPlatformRole(current: Role, staffRole: StaffRole): Role | null {
  const target: Role = staffRole === 'admin' ? 'rescue_admin' : 'rescue_staff';
  if (current === 'adopter' || current === 'rehomer') return target;
  if (current === 'rescue_staff' && target === 'rescue_admin') return target;
  return null;
}
