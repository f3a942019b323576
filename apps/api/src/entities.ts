// Every entity the api maps; the migrations/entities agreement test checks them against the migrated schema.
import { AuditLogEntity } from '@app/audit';
import { identityEntities } from '@app/identity';
import { JobEntity } from '@app/jobs';
import { notificationEntities } from '@app/notifications';
import { applicationEntities, petEntities, rescueEntities } from '@app/catalog';
import { ConfigEntryEntity } from './modules/configuration/config-entry.entity';
import { FeatureFlagEntity } from './modules/features/feature-flag.entity';
import { IdempotencyKeyEntity } from './modules/idempotency/idempotency-key.entity';

export const apiEntities = [
  AuditLogEntity,
  JobEntity,
  ConfigEntryEntity,
  FeatureFlagEntity,
  IdempotencyKeyEntity,
  ...identityEntities,
  ...notificationEntities,
  ...rescueEntities,
  ...petEntities,
  ...applicationEntities,
];
