import { Injectable } from '@nestjs/common';
import { DomainError, VersionConflictError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import { AuditService } from '@app/audit';
import type { ChangeRoleRequestDto, ListUsersQuery, ReplaceUserRequestDto, UpdateUserRequestDto, UserDto, UserPageDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { hasPermission, PERMISSIONS, toUserDto, type Principal, type UserEntity } from '@app/identity';
import { RoleChanges } from '../auth/role-changes.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { canManageUser, canReadUser, touchesAdminRole, userNotFound } from './user-access';
import { UsersRepository, type UserChanges } from './users.repository';

const PROFILE_FIELDS = ['name', 'phone', 'city', 'bio'] as const;

/** Accounts as records: the directory, profiles, activation and roles. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly roleChanges: RoleChanges,
    private readonly audit: AuditService,
  ) {}

  /** `total` counts every match with one COUNT(*) per page: fine at the size of an account directory. */
  async list(query: ListUsersQuery): Promise<UserPageDto> {
    const filter = {
      roles: query.role,
      statuses: query.status,
      text: query.q,
      createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
      createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
    };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const [rows, total] = await Promise.all([this.users.list(filter, after, limit + 1), this.users.count(filter)]);
    return { ...toKeysetPage(rows, limit, toUserDto), total };
  }

  async get(caller: Principal, userId: string): Promise<UserDto> {
    const user = canReadUser(caller, userId) ? await this.users.findById(userId) : null;
    if (!user) throw userNotFound(userId);
    return toUserDto(user);
  }

  /** PATCH: only the fields present change; `null` clears an optional one. */
  update(caller: Principal, userId: string, body: UpdateUserRequestDto): Promise<UserDto> {
    const changes: UserChanges = {};
    for (const field of PROFILE_FIELDS) if (body[field] !== undefined) Object.assign(changes, { [field]: body[field] });
    return this.changeProfile(caller, userId, body.expectedVersion, changes);
  }

  /** PUT: every profile field is replaced. */
  replace(caller: Principal, userId: string, body: ReplaceUserRequestDto): Promise<UserDto> {
    return this.changeProfile(caller, userId, body.expectedVersion, { name: body.name, phone: body.phone, city: body.city, bio: body.bio });
  }

  private changeProfile(caller: Principal, userId: string, expectedVersion: number, changes: UserChanges): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      const user = canManageUser(caller, userId) ? await this.users.findById(userId, tx) : null;
      if (!user) throw userNotFound(userId);
      if (user.status === 'deleted') throw new DomainError('CONFLICT', 'This account has been deleted.', { status: user.status });
      const fields = Object.keys(changes);
      if (fields.length === 0) {
        if (user.version !== expectedVersion) throw new VersionConflictError('User', user.version);
        return toUserDto(user);
      }
      await this.users.update(tx, userId, expectedVersion, changes);
      // Field names, not values: audit rows outlive the account and must hold no personal data.
      await this.audit.record(tx, {
        action: 'user.updated',
        targetType: 'user',
        targetId: userId,
        before: { version: expectedVersion },
        after: { version: expectedVersion + 1, fields },
      });
      return toUserDto(await this.reload(tx, userId));
    });
  }

  /** Re-enables a deactivated account. Idempotent for an active one. */
  activate(caller: Principal, userId: string): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      const user = await this.lockManaged(tx, caller, userId);
      if (user.status === 'active') return toUserDto(user);
      if (user.status !== 'deactivated') {
        throw new DomainError('CONFLICT', `A ${user.status} account cannot be activated.`, { status: user.status });
      }
      await this.users.update(tx, userId, user.version, { status: 'active' });
      await this.audit.record(tx, {
        action: 'user.activated',
        targetType: 'user',
        targetId: userId,
        before: { status: user.status },
        after: { status: 'active' },
      });
      return toUserDto(await this.reload(tx, userId));
    });
  }

  /** Disables sign-in and ends every session at once. Idempotent for a deactivated account. */
  deactivate(caller: Principal, userId: string): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      if (caller.userId === userId) throw new DomainError('FORBIDDEN', 'You cannot deactivate your own account.');
      const user = await this.lockManaged(tx, caller, userId);
      if (user.status === 'deactivated') return toUserDto(user);
      if (user.status !== 'active') {
        throw new DomainError('CONFLICT', `A ${user.status} account cannot be deactivated.`, { status: user.status });
      }
      await this.users.update(tx, userId, user.version, { status: 'deactivated' });
      const revoked = await this.sessions.revokeAllForUser(tx, userId, 'deactivated', undefined, { endAccessTokens: true });
      await this.audit.record(tx, {
        action: 'user.deactivated',
        targetType: 'user',
        targetId: userId,
        before: { status: user.status },
        after: { status: 'deactivated', sessionsRevoked: revoked },
      });
      return toUserDto(await this.reload(tx, userId));
    });
  }

  /** Takes effect at the user's next request: access tokens with the old role are refused until refreshed (RoleChanges). */
  changeRole(caller: Principal, userId: string, body: ChangeRoleRequestDto): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      if (caller.userId === userId) throw new DomainError('FORBIDDEN', 'You cannot change your own role.');
      const user = await this.users.lockById(tx, userId);
      if (!user) throw userNotFound(userId);
      if (touchesAdminRole(user.role, body.role) && !hasPermission(caller.role, PERMISSIONS.adminsManage)) {
        throw new DomainError('FORBIDDEN', 'Only a super_admin grants or removes the admin and super_admin roles.', { permission: PERMISSIONS.adminsManage });
      }
      if (user.status === 'deleted') throw new DomainError('CONFLICT', 'This account has been deleted.', { status: user.status });
      if (user.version !== body.expectedVersion) throw new VersionConflictError('User', user.version);
      if (user.role === body.role) return toUserDto(user);
      // The row is locked and its role was read under the lock: this change cannot be skipped.
      await this.roleChanges.change(tx, { userId, from: user.role, to: body.role });
      return toUserDto(await this.reload(tx, userId));
    });
  }

  /** The target of activate/deactivate, locked; admins' accounts need adminsManage. */
  private async lockManaged(tx: TransactionContext, caller: Principal, userId: string): Promise<UserEntity> {
    const user = await this.users.lockById(tx, userId);
    if (!user) throw userNotFound(userId);
    if (caller.userId !== userId && touchesAdminRole(user.role) && !hasPermission(caller.role, PERMISSIONS.adminsManage)) {
      throw new DomainError('FORBIDDEN', 'Only a super_admin changes the status of an admin account.', { permission: PERMISSIONS.adminsManage });
    }
    return user;
  }

  private async reload(tx: TransactionContext, userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId, tx);
    if (!user) throw userNotFound(userId);
    return user;
  }
}
