// Every entity the worker maps.
import { AuditLogEntity } from '@app/audit';
import { JobEntity } from '@app/jobs';

export const workerEntities = [AuditLogEntity, JobEntity];
