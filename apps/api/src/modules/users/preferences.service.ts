import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { UpdatePreferencesRequestDto, UserPreferencesDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { DEFAULT_PREFERENCES, type Principal, type UserPreferencesEntity } from '@app/identity';
import { isSelf, userNotFound } from './user-access';
import { toUserPreferencesDto } from './users.mapper';
import { UsersRepository } from './users.repository';

/** Notification preferences: the owner's only (others get 404, admins included); defaults until first saved. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async get(caller: Principal, userId: string): Promise<UserPreferencesDto> {
    if (!isSelf(caller, userId)) throw userNotFound(userId);
    return this.users.transaction(async (tx) => toUserPreferencesDto(await this.findOrCreate(tx, userId)));
  }

  async replace(caller: Principal, userId: string, body: UpdatePreferencesRequestDto): Promise<UserPreferencesDto> {
    if (!isSelf(caller, userId)) throw userNotFound(userId);
    return this.users.transaction(async (tx) => {
      await this.findOrCreate(tx, userId);
      const { notifications, quietHours, locale, timezone } = body;
      await this.users.updatePreferences(tx, userId, body.expectedVersion, { notifications, quietHours, locale, timezone });
      await this.audit.record(tx, {
        action: 'user.preferences_updated',
        targetType: 'user',
        targetId: userId,
        before: { version: body.expectedVersion },
        after: { version: body.expectedVersion + 1 },
      });
      return toUserPreferencesDto(await this.findOrCreate(tx, userId));
    });
  }

  /** The first read creates the row with DEFAULT_PREFERENCES (version 1), so a first PUT has a version to match. */
  private async findOrCreate(tx: TransactionContext, userId: string): Promise<UserPreferencesEntity> {
    const existing = await this.users.findPreferences(userId, tx);
    if (existing) return existing;
    if (!(await this.users.findById(userId, tx))) throw userNotFound(userId);
    await this.users.createDefaultPreferences(userId, DEFAULT_PREFERENCES, tx);
    const created = await this.users.findPreferences(userId, tx);
    if (!created) throw userNotFound(userId);
    return created;
  }
}
