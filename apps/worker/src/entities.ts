// Every entity the worker maps.
import { AuditLogEntity } from '@app/audit';
import { catalogEntities } from '@app/catalog';
import { identityEntities } from '@app/identity';
import { JobEntity } from '@app/jobs';
import { notificationEntities } from '@app/notifications';

export const workerEntities = [AuditLogEntity, JobEntity, ...identityEntities, ...notificationEntities, ...catalogEntities];
