import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@app/common';
import { inTransaction, type TransactionContext } from '@app/database';
import type { DataSource } from 'typeorm';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface IdempotentResponse {
  status: number;
  /** The JSON text of the body, sent as is so that a replay is byte-for-byte the first answer. */
  body: string;
  replayed: boolean;
}

/** Key order must not change the hash: `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHashOf(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

/** An idempotency scope whose key the client may leave out (the header is optional on most creates). */
export interface OptionalKeyScope extends Omit<IdempotencyScope, 'key'> {
  key: string | undefined;
}

/**
 * Runs a create operation at most once per (caller, operation, key). The key row, the business change and the
 * stored response commit in one transaction: a failed attempt leaves nothing behind and may be retried. Without
 * a key the work simply runs in a transaction of its own.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IdempotencyRepository,
  ) {}

  async execute<T>(
    optionalScope: OptionalKeyScope,
    requestBody: unknown,
    work: (tx: TransactionContext) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResponse> {
    if (optionalScope.key === undefined) {
      const result = await inTransaction(this.dataSource, work);
      return { status: result.status, body: JSON.stringify(result.body), replayed: false };
    }
    const scope: IdempotencyScope = { ...optionalScope, key: optionalScope.key };
    const requestHash = requestHashOf(requestBody);
    return inTransaction(this.dataSource, async (tx) => {
      let outcome = await this.repository.claim(tx.manager, scope, requestHash, IDEMPOTENCY_TTL_SECONDS);
      if (outcome === 'exists') {
        let stored = await this.repository.find(tx.manager, scope);
        // Only an expired key is deleted: the DELETE wants an exclusive lock, and concurrent duplicates, each holding
        // a shared lock from its failed insert, would deadlock on it.
        if (stored && stored.expiresAt.getTime() <= Date.now()) {
          await this.repository.deleteExpired(tx.manager, scope);
          stored = await this.repository.find(tx.manager, scope);
        }
        if (!stored) outcome = await this.repository.claim(tx.manager, scope, requestHash, IDEMPOTENCY_TTL_SECONDS);
        else if (stored.requestHash !== requestHash) {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.', { key: scope.key });
        } else if (stored.responseStatus !== null && stored.responseBody !== null) {
          return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
        }
      }
      if (outcome !== 'claimed') {
        throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.', {
          key: scope.key,
        });
      }
      const result = await work(tx);
      const body = JSON.stringify(result.body);
      await this.repository.storeResponse(tx.manager, scope, result.status, body);
      return { status: result.status, body, replayed: false };
    });
  }
}
