import type { DataSource } from 'typeorm';

/**
 * Runs an UPDATE or DELETE ending in `LIMIT ?` again and again, `batch` rows at a time, until a run affects fewer:
 * each run is its own statement (autocommit), so none holds many row locks for long. The statement must shrink the
 * set it matches (the rows it changed no longer match), or this never ends. Returns the rows affected in all.
 */
export async function runInBatches(dataSource: DataSource, sql: string, params: readonly unknown[], batch: number): Promise<number> {
  let affected = 0;
  for (;;) {
    const result: { affectedRows?: number } = await dataSource.query(sql, [...params, batch]);
    const now = Number(result.affectedRows ?? 0);
    affected += now;
    if (now < batch) return affected;
  }
}
