import { type DomainError, VersionConflictError } from '@app/common';
import type { ApplicationStatus, ReviewAction } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { applicationNotFound } from './application-access';
import { type ApplicationEntity, type ApplicationsRepository, invalidTransition } from '@app/catalog';

/**
 * A conditional update of an application matched nothing although its checks passed on the row read: a concurrent
 * change committed first. The error says which: gone (404), a new version when the caller named one (409
 * VERSION_CONFLICT), or a status the attempted step does not start from (409 INVALID_TRANSITION).
 */
export async function lostRaceError(
  applications: ApplicationsRepository,
  tx: TransactionContext,
  read: ApplicationEntity,
  attempted: { action?: ReviewAction; to?: ApplicationStatus },
  expectedVersion: number | undefined,
): Promise<DomainError> {
  const current = await applications.findById(read.id, tx);
  if (!current) return applicationNotFound(read.id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) return new VersionConflictError('Application', current.version);
  return invalidTransition(current.status, attempted);
}
