// Owns administrator operations: the audit log, feature flag and configuration writes.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigEntryEntity } from '../configuration/config-entry.entity';
import { FeatureFlagEntity } from '../features/feature-flag.entity';
import { AuditLogEntity, AuditModule } from '@app/audit';
import { AdminController } from './admin.controller';
import { AdminRepository, TypeOrmAdminRepository } from './admin.repository';
import { AuditLogService } from './audit-log.service';
import { PlatformSettingsService } from './platform-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity, ConfigEntryEntity, FeatureFlagEntity]), AuditModule],
  controllers: [AdminController],
  providers: [AuditLogService, PlatformSettingsService, { provide: AdminRepository, useClass: TypeOrmAdminRepository }],
})
export class AdminModule {}
