import { Injectable } from '@nestjs/common';
import { newId } from '@app/common';
import { EmailTokenEntity, type EmailTokenPurpose } from '@app/identity';
import type { EntityManager } from 'typeorm';

/** Single-use tokens sent by mail (verification, password reset); only their SHA-256 is stored. */
@Injectable()
export class EmailTokensRepository {
  async create(manager: EntityManager, token: { userId: string; purpose: EmailTokenPurpose; tokenHash: string; ttlSeconds: number }): Promise<void> {
    await manager.query(
      `INSERT INTO email_tokens (id, user_id, purpose, token_hash, expires_at)
       VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND)`,
      [newId(), token.userId, token.purpose, token.tokenHash, token.ttlSeconds],
    );
  }

  /**
   * Spends a live token in one statement, so two concurrent uses cannot both succeed; returns its user,
   * or null when the token is unknown, spent, expired or meant for something else.
   */
  async consume(manager: EntityManager, tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .update(EmailTokenEntity)
      .set({ usedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP(3)', { tokenHash, purpose })
      .execute();
    if (result.affected !== 1) return null;
    const row = await manager.findOneBy(EmailTokenEntity, { tokenHash });
    return row?.userId ?? null;
  }

  /** Spends every other live token of that purpose (a reset link stops working once another one was used). */
  async spendAllForUser(manager: EntityManager, userId: string, purpose: EmailTokenPurpose): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(EmailTokenEntity)
      .set({ usedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('user_id = :userId AND purpose = :purpose AND used_at IS NULL', { userId, purpose })
      .execute();
  }
}
