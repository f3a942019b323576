import { Injectable } from '@nestjs/common';
import { driverErrnoOf, ER_LOCK_WAIT_TIMEOUT, isDuplicateKey } from '@app/database';
import type { EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface IdempotencyScope {
  caller: string;
  operation: string;
  key: string;
}

export type ClaimOutcome = 'claimed' | 'exists' | 'busy';

/** How long a retry waits for a concurrent first request before answering 409. */
const CLAIM_WAIT_SECONDS = 2;

/** Every statement runs in the caller's transaction, so the key and the business change commit together. */
@Injectable()
export class IdempotencyRepository {
  /**
   * Inserts the key row. InnoDB makes a concurrent insert of the same key wait for the first transaction:
   * it ends as `exists` once the first commits, or `busy` if the first is still running after the wait.
   */
  async claim(manager: EntityManager, scope: IdempotencyScope, requestHash: string, ttlSeconds: number): Promise<ClaimOutcome> {
    await manager.query('SET SESSION innodb_lock_wait_timeout = ?', [CLAIM_WAIT_SECONDS]);
    try {
      await manager.query(
        `INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, expires_at)
         VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND)`,
        [scope.caller, scope.operation, scope.key, requestHash, ttlSeconds],
      );
      return 'claimed';
    } catch (error) {
      if (isDuplicateKey(error)) return 'exists';
      if (driverErrnoOf(error) === ER_LOCK_WAIT_TIMEOUT) return 'busy';
      throw error;
    } finally {
      await manager.query('SET SESSION innodb_lock_wait_timeout = DEFAULT');
    }
  }

  find(manager: EntityManager, scope: IdempotencyScope): Promise<IdempotencyKeyEntity | null> {
    return manager.findOneBy(IdempotencyKeyEntity, { caller: scope.caller, operation: scope.operation, idempotencyKey: scope.key });
  }

  async deleteExpired(manager: EntityManager, scope: IdempotencyScope): Promise<void> {
    await manager.query('DELETE FROM idempotency_keys WHERE caller = ? AND operation = ? AND idempotency_key = ? AND expires_at <= CURRENT_TIMESTAMP(3)', [
      scope.caller,
      scope.operation,
      scope.key,
    ]);
  }

  async storeResponse(manager: EntityManager, scope: IdempotencyScope, status: number, body: string): Promise<void> {
    await manager.update(
      IdempotencyKeyEntity,
      { caller: scope.caller, operation: scope.operation, idempotencyKey: scope.key },
      { responseStatus: status, responseBody: body },
    );
  }
}
