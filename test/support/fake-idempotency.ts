import { DomainError } from '@app/common';
import type { TransactionContext } from '@app/database';
import { requestHashOf, type IdempotencyService, type IdempotentResponse } from '../../apps/api/src/modules/idempotency/idempotency.service';

type TransactionRunner = <T>(work: (tx: TransactionContext) => Promise<T>) => Promise<T>;

/** In-memory IdempotencyService for unit tests: replays the first response per key, refuses another body (422). */
export class FakeIdempotency {
  stored = new Map<string, { hash: string; status: number; body: string }>();

  /** `runInTransaction` runs the work the way the fake repositories of the test expect. */
  constructor(private readonly runInTransaction: TransactionRunner) {}

  async execute<T>(
    scope: { caller: string; operation: string; key: string | undefined },
    requestBody: unknown,
    work: (tx: TransactionContext) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResponse> {
    if (scope.key === undefined) {
      const result = await this.runInTransaction(work);
      return { status: result.status, body: JSON.stringify(result.body), replayed: false };
    }
    const id = `${scope.caller}|${scope.operation}|${scope.key}`;
    const hash = requestHashOf(requestBody);
    const previous = this.stored.get(id);
    if (previous) {
      if (previous.hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
      return { status: previous.status, body: previous.body, replayed: true };
    }
    const result = await this.runInTransaction(work);
    const body = JSON.stringify(result.body);
    this.stored.set(id, { hash, status: result.status, body });
    return { status: result.status, body, replayed: false };
  }

  asService(): IdempotencyService {
    return this as unknown as IdempotencyService;
  }
}
