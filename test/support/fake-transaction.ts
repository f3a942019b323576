import type { TransactionContext } from '@app/database';

/**
 * A transaction over in-memory fake stores: `work` sees a context with after-commit effects; if it throws, the
 * named fields of `store` are restored to their state before the call, as a rollback would.
 */
export async function inFakeTransaction<S extends object, T>(store: S, fields: Array<keyof S>, work: (tx: TransactionContext) => Promise<T>): Promise<T> {
  const snapshot = structuredClone(Object.fromEntries(fields.map((field) => [field, store[field]])));
  const effects: Array<() => Promise<void> | void> = [];
  try {
    const result = await work({ manager: null as never, afterCommit: (effect) => effects.push(effect) });
    for (const effect of effects) await effect();
    return result;
  } catch (error) {
    Object.assign(store, snapshot);
    throw error;
  }
}
