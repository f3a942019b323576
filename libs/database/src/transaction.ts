import type { DataSource, EntityManager } from 'typeorm';
import { driverErrnoOf, ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT } from './driver-errors';

type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionContext {
  manager: EntityManager;
  /** Runs after a successful commit (e.g. enqueue a job for a row written in this transaction). */
  afterCommit(effect: () => Promise<void> | void): void;
}

// InnoDB resolves deadlocks by aborting one transaction; retrying it whole is the documented remedy.
const RETRYABLE_ERRNOS = new Set([ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT]);
const MAX_ATTEMPTS = 5;

/** A short random pause before a retry, longer each time, so the transactions that collided do not collide again. */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));

function isRetryable(error: unknown): boolean {
  const errno = driverErrnoOf(error);
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}

/** Runs `work` in one transaction, retrying it on deadlock, and runs the after-commit effects once it commits. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (tx: TransactionContext) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const effects: Array<() => Promise<void> | void> = [];
    let result: T;
    try {
      result = await dataSource.transaction(isolation, (manager) => work({ manager, afterCommit: (effect) => effects.push(effect) }));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await backoff(attempt);
      continue;
    }
    for (const effect of effects) await effect();
    return result;
  }
}
