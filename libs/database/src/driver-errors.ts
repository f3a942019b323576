// The MySQL/MariaDB error numbers the code reacts to, read the same way from TypeORM's QueryFailedError and
// from a raw mysql2 error.
export const ER_DUP_ENTRY = 1062;
export const ER_LOCK_WAIT_TIMEOUT = 1205;
export const ER_LOCK_DEADLOCK = 1213;

export function driverErrnoOf(error: unknown): number | undefined {
  return (error as { driverError?: { errno?: number } } | undefined)?.driverError?.errno ?? (error as { errno?: number } | undefined)?.errno;
}

/** A duplicate-key violation; of the unique key named `key` when given (MariaDB and MySQL both name it in the message). */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  if (driverErrnoOf(error) !== ER_DUP_ENTRY) return false;
  return key === undefined || String((error as { message?: string }).message ?? '').includes(key);
}
