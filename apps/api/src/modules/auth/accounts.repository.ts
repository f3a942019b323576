import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@app/identity';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export type NewAccount = Pick<UserEntity, 'id' | 'email' | 'passwordHash' | 'name' | 'role' | 'emailVerifiedAt'>;

/**
 * The queries sign-in and account recovery make on `users`. Every change a client can see (through the User
 * representation) bumps `version` and `updated_at`, so optimistic updates elsewhere notice it.
 */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { email });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  /** Throws a duplicate-key error (see isDuplicateKey) when the address is taken. */
  async insert(manager: EntityManager, account: NewAccount): Promise<void> {
    await manager.insert(UserEntity, { ...account, status: 'active' });
  }

  async anyWithRole(role: UserEntity['role']): Promise<boolean> {
    const row = await this.dataSource.manager.query('SELECT 1 AS found FROM users WHERE role = ? LIMIT 1', [role]);
    return row.length > 0;
  }

  async markEmailVerified(manager: EntityManager, userId: string): Promise<void> {
    await this.change(manager, userId, { emailVerifiedAt: () => 'CURRENT_TIMESTAMP(3)' }, 'email_verified_at IS NULL');
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await this.change(manager, userId, { passwordHash });
  }

  async setPendingTwoFactorSecret(manager: EntityManager, userId: string, sealedSecret: string): Promise<void> {
    // Not visible in the User representation: no version bump.
    await manager.update(UserEntity, { id: userId }, { twoFactorPendingSecret: sealedSecret });
  }

  /** Promotes the pending secret; false when it changed in between (a second setup raced this one). */
  async enableTwoFactor(manager: EntityManager, userId: string, expectedPendingSecret: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        twoFactorSecret: expectedPendingSecret,
        twoFactorPendingSecret: null,
        twoFactorEnabledAt: () => 'CURRENT_TIMESTAMP(3)',
        version: () => 'version + 1',
        updatedAt: () => 'CURRENT_TIMESTAMP(3)',
      })
      .where('id = :userId AND two_factor_pending_secret = :expectedPendingSecret AND two_factor_secret IS NULL', { userId, expectedPendingSecret })
      .execute();
    return result.affected === 1;
  }

  async disableTwoFactor(manager: EntityManager, userId: string): Promise<boolean> {
    const result = await this.change(
      manager,
      userId,
      { twoFactorSecret: null, twoFactorPendingSecret: null, twoFactorEnabledAt: null },
      'two_factor_secret IS NOT NULL',
    );
    return result === 1;
  }

  /**
   * Sets the role if it is still `from`, locking the row first; returns the row's new version (which orders the
   * user's role changes), or null when the role is no longer `from` (a concurrent change won).
   */
  async changeRole(manager: EntityManager, userId: string, from: UserEntity['role'], to: UserEntity['role']): Promise<number | null> {
    const [row]: Array<{ version: number }> = await manager.query('SELECT version FROM users WHERE id = ? AND role = ? FOR UPDATE', [userId, from]);
    if (!row) return null;
    await this.change(manager, userId, { role: to });
    return Number(row.version) + 1;
  }

  /** Sign-in bookkeeping, not part of the User representation: no version bump. */
  async touchLastLogin(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(UserEntity, { id: userId }, { lastLoginAt: () => 'CURRENT_TIMESTAMP(3)' });
  }

  private async change(manager: EntityManager, userId: string, changes: QueryDeepPartialEntity<UserEntity>, condition?: string): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('id = :userId', { userId });
    if (condition) query.andWhere(condition);
    const result = await query.execute();
    return result.affected ?? 0;
  }
}
