import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  ListAuditEntriesQuery,
  operations,
  UpdateConfigEntryParams,
  UpdateConfigRequestDto,
  UpdateFeatureParams,
  UpdateFeatureRequestDto,
  type AuditEntryPageDto,
  type ConfigEntryDto,
  type ConfigEntryPageDto,
  type FeatureDto,
} from '@app/contracts';
import { PERMISSIONS } from '@app/identity';
import { RequirePermission } from '../auth/authorization';
import { AuditLogService } from './audit-log.service';
import { PlatformSettingsService } from './platform-settings.service';

@Controller()
export class AdminController {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly settings: PlatformSettingsService,
  ) {}

  @ContractRoute(operations.listAuditEntries)
  @RequirePermission(PERMISSIONS.auditRead)
  listAuditEntries(@Query() query: ListAuditEntriesQuery): Promise<AuditEntryPageDto> {
    return this.auditLog.list(query);
  }

  @ContractRoute(operations.updateFeature)
  @RequirePermission(PERMISSIONS.platformConfigure)
  updateFeature(@Param() params: UpdateFeatureParams, @Body() body: UpdateFeatureRequestDto): Promise<FeatureDto> {
    return this.settings.updateFeature(params.feature, body);
  }

  @ContractRoute(operations.listConfigEntries)
  @RequirePermission(PERMISSIONS.platformConfigure)
  listConfigEntries(): Promise<ConfigEntryPageDto> {
    return this.settings.listConfig();
  }

  @ContractRoute(operations.updateConfigEntry)
  @RequirePermission(PERMISSIONS.platformConfigure)
  updateConfigEntry(@Param() params: UpdateConfigEntryParams, @Body() body: UpdateConfigRequestDto): Promise<ConfigEntryDto> {
    return this.settings.updateConfig(params.key, body);
  }
}
