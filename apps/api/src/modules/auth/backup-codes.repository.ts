import { Injectable } from '@nestjs/common';
import { newId } from '@app/common';
import { BackupCodeEntity } from '@app/identity';
import type { EntityManager } from 'typeorm';

/** Two-factor backup codes, stored as SHA-256 (they carry ~51 random bits, so a fast hash is enough). */
@Injectable()
export class BackupCodesRepository {
  async replaceAll(manager: EntityManager, userId: string, codeHashes: readonly string[]): Promise<void> {
    await manager.delete(BackupCodeEntity, { userId });
    await manager.insert(
      BackupCodeEntity,
      codeHashes.map((codeHash) => ({ id: newId(), userId, codeHash })),
    );
  }

  /** Spends an unused code in one statement: a code works once, even under concurrent use. */
  async consume(manager: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(BackupCodeEntity)
      .set({ usedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('user_id = :userId AND code_hash = :codeHash AND used_at IS NULL', { userId, codeHash })
      .execute();
    return result.affected === 1;
  }

  async deleteAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(BackupCodeEntity, { userId });
  }
}
