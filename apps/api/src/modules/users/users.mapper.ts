import type { UserDataExportDto, UserDto, UserPreferencesDto } from '@app/contracts';
import type { DataExportEntity, UserEntity, UserPreferencesEntity } from '@app/identity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    emailVerified: user.emailVerifiedAt !== null,
    twoFactorEnabled: user.twoFactorEnabledAt !== null,
    phone: user.phone,
    city: user.city,
    bio: user.bio,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

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
