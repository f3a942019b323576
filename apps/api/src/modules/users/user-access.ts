// Who may act on whose account. The guard has already checked the operation's own permission; these rules
// add ownership. Records the caller may not see answer 404 (never 403), so account ids cannot be probed.
import { NotFoundError } from '@app/common';
import { ADMIN_ROLES, hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import type { Role } from '@app/contracts';

export function isSelf(caller: Principal, userId: string): boolean {
  return caller.userId === userId && hasPermission(caller.role, PERMISSIONS.selfManage);
}

export const canReadUser = (caller: Principal, userId: string) => isSelf(caller, userId) || hasPermission(caller.role, PERMISSIONS.usersRead);
export const canManageUser = (caller: Principal, userId: string) => isSelf(caller, userId) || hasPermission(caller.role, PERMISSIONS.usersManage);

/** Only a holder of adminsManage acts on the status or role of an admin account, or grants an admin role. */
export const touchesAdminRole = (...roles: Role[]) => roles.some((role) => ADMIN_ROLES.includes(role));

/** 404 for a user the caller may not see, exactly as for one that does not exist. */
export function userNotFound(userId: string): NotFoundError {
  return new NotFoundError('User', userId);
}
