import type { UserDataExportDto, UserPreferencesDto } from '@app/contracts';
import type { DataExportEntity, UserPreferencesEntity } from '@app/identity';

export function toUserPreferencesDto(preferences: UserPreferencesEntity): UserPreferencesDto {
  return {
    notifications: preferences.notifications,
    quietHours: preferences.quietHours,
    locale: preferences.locale,
    timezone: preferences.timezone,
    version: preferences.version,
    updatedAt: preferences.updatedAt.toISOString(),
  };
}

export function toUserDataExportDto(dataExport: DataExportEntity): UserDataExportDto {
  return {
    jobId: dataExport.jobId,
    generatedAt: dataExport.createdAt.toISOString(),
    expiresAt: dataExport.expiresAt.toISOString(),
    data: JSON.parse(dataExport.content) as Record<string, unknown>,
  };
}
