// Roles and the permission map: the one place that says which role may do what. Controllers name the
// permission an operation needs (@RequirePermission); ownership (self, member of the owning rescue) is
// checked in services on top of this.
import type { Role } from '@app/contracts';

export const ROLES = ['adopter', 'rehomer', 'rescue_staff', 'rescue_admin', 'moderator', 'admin', 'super_admin'] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** Act on one's own account: profile, preferences, sessions, data export, deletion. */
  selfManage: 'self:manage',
  /** Read any user's profile. */
  usersRead: 'users:read',
  usersList: 'users:list',
  /** Activate, deactivate and change roles. */
  usersManage: 'users:manage',
  /** Grant or remove admin and super_admin. */
  adminsManage: 'admins:manage',
  auditRead: 'audit:read',
  /** Feature flags and configuration. */
  platformConfigure: 'platform:configure',
  /** Read any job, not only one's own. */
  jobsReadAny: 'jobs:read-any',
  /** Verify and reject rescues, delete any rescue, read any rescue's staff and analytics. */
  rescuesModerate: 'rescues:moderate',
  /** Publish or return submitted listings, retire or delete any listing, see listings in every state. */
  listingsModerate: 'listings:moderate',
  /** Verify pets' medical records. */
  medicalVerify: 'medical:verify',
  /** Read every adoption application (not only one's own or one's rescue's). */
  applicationsReadAny: 'applications:read-any',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const P = PERMISSIONS;
const everyone: Permission[] = [P.selfManage];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  adopter: everyone,
  rehomer: everyone,
  rescue_staff: everyone,
  rescue_admin: everyone,
  moderator: [...everyone, P.usersRead, P.usersList, P.listingsModerate],
  admin: [
    ...everyone,
    P.usersRead,
    P.usersList,
    P.usersManage,
    P.auditRead,
    P.platformConfigure,
    P.jobsReadAny,
    P.rescuesModerate,
    P.listingsModerate,
    P.medicalVerify,
    P.applicationsReadAny,
  ],
  super_admin: [
    ...everyone,
    P.usersRead,
    P.usersList,
    P.usersManage,
    P.adminsManage,
    P.auditRead,
    P.platformConfigure,
    P.jobsReadAny,
    P.rescuesModerate,
    P.listingsModerate,
    P.medicalVerify,
    P.applicationsReadAny,
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ADMIN_ROLES: readonly Role[] = ['admin', 'super_admin'];
