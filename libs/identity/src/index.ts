// Identity data shared by the api (auth, users) and the worker (exports, anonymisation, mail).
export * from './auth-session.entity';
export * from './backup-code.entity';
export * from './data-export.entity';
export * from './email-token.entity';
export * from './principal';
export * from './refresh-token.entity';
export * from './roles';
export * from './user-preferences.entity';
export * from './user.entity';
export * from './user.mapper';

import { AuthSessionEntity } from './auth-session.entity';
import { BackupCodeEntity } from './backup-code.entity';
import { DataExportEntity } from './data-export.entity';
import { EmailTokenEntity } from './email-token.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserPreferencesEntity } from './user-preferences.entity';
import { UserEntity } from './user.entity';

export const identityEntities = [
  UserEntity,
  UserPreferencesEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  EmailTokenEntity,
  BackupCodeEntity,
  DataExportEntity,
];
