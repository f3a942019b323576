// Owns administrator operations: the audit log, feature flag and configuration writes.
import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AdminController } from './admin.controller';
import { AdminRepository, TypeOrmAdminRepository } from './admin.repository';
import { AuditLogService } from './audit-log.service';
import { PlatformSettingsService } from './platform-settings.service';

@Module({
  imports: [AuditModule],
  controllers: [AdminController],
  providers: [AuditLogService, PlatformSettingsService, { provide: AdminRepository, useClass: TypeOrmAdminRepository }],
})
export class AdminModule {}
