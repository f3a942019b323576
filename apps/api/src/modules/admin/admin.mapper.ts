import type { AuditLogEntity } from '@app/audit';
import type { AuditEntryDto, ConfigEntryDto } from '@app/contracts';
import type { ConfigEntryEntity } from '../configuration/config-entry.entity';

export function toAuditEntryDto(entry: AuditLogEntity): AuditEntryDto {
  return {
    id: entry.id,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.beforeState ?? null,
    after: entry.afterState ?? null,
    requestId: entry.requestId,
    ip: entry.ip,
    createdAt: entry.createdAt.toISOString(),
  };
}

export function toConfigEntryDto(entry: ConfigEntryEntity): ConfigEntryDto {
  return {
    key: entry.key,
    value: entry.value,
    isPublic: entry.isPublic,
    description: entry.description,
    version: entry.version,
    updatedAt: entry.updatedAt.toISOString(),
  };
}
