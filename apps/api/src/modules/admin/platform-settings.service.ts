import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '@app/common';
import { AuditService } from '@app/audit';
import type { ConfigEntryDto, ConfigEntryPageDto, FeatureDto, UpdateConfigRequestDto, UpdateFeatureRequestDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { ConfigEntryEntity } from '../configuration/config-entry.entity';
import type { FeatureFlagEntity } from '../features/feature-flag.entity';
import { toFeatureDto } from '../features/feature.mapper';
import { toConfigEntryDto } from './admin.mapper';
import { AdminRepository, type ConfigChanges, type FeatureChanges } from './admin.repository';

const featureState = (flag: FeatureFlagEntity) => ({ enabled: flag.enabled, description: flag.description, version: flag.version });
const configState = (entry: ConfigEntryEntity) => ({ value: entry.value, isPublic: entry.isPublic, description: entry.description, version: entry.version });

/**
 * Writes of feature flags and configuration entries (both are created by migrations; only changed here).
 * Every write is versioned and audited with the state before and after. The read side stays in the features
 * and configuration modules, which read the database on every request, so a change shows at once.
 */
@Injectable()
export class PlatformSettingsService {
  constructor(
    private readonly admin: AdminRepository,
    private readonly audit: AuditService,
  ) {}

  updateFeature(key: string, body: UpdateFeatureRequestDto): Promise<FeatureDto> {
    return this.admin.transaction(async (tx) => {
      const before = await this.admin.findFeature(tx, key);
      if (!before) throw new NotFoundError('Feature', key);
      const changes: FeatureChanges = { enabled: body.enabled, ...(body.description !== undefined ? { description: body.description } : {}) };
      await this.admin.updateFeature(tx, key, body.expectedVersion, changes);
      const after = await this.mustFindFeature(tx, key);
      await this.audit.record(tx, {
        action: 'feature.updated',
        targetType: 'feature',
        targetId: key,
        before: featureState(before),
        after: featureState(after),
      });
      return toFeatureDto(after);
    });
  }

  /** Every entry, public and private, as one page: the set is small and bounded (created by migrations). */
  async listConfig(): Promise<ConfigEntryPageDto> {
    const entries = await this.admin.findAllConfig();
    return { items: entries.map(toConfigEntryDto), nextCursor: null, total: entries.length };
  }

  async updateConfig(key: string, body: UpdateConfigRequestDto): Promise<ConfigEntryDto> {
    // `value` is any JSON value, so the DTO can only allow it; absent is not a value (null is).
    if (body.value === undefined) throw new ValidationFailedError([{ field: 'value', constraints: { isDefined: 'value should not be missing' } }]);
    return this.admin.transaction(async (tx) => {
      const before = await this.admin.findConfig(tx, key);
      if (!before) throw new NotFoundError('Config entry', key);
      const changes: ConfigChanges = {
        value: body.value,
        ...(body.isPublic !== undefined ? { isPublic: body.isPublic } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
      };
      await this.admin.updateConfig(tx, key, body.expectedVersion, changes);
      const after = await this.mustFindConfig(tx, key);
      await this.audit.record(tx, { action: 'config.updated', targetType: 'config', targetId: key, before: configState(before), after: configState(after) });
      return toConfigEntryDto(after);
    });
  }

  private async mustFindFeature(tx: TransactionContext, key: string): Promise<FeatureFlagEntity> {
    const flag = await this.admin.findFeature(tx, key);
    if (!flag) throw new NotFoundError('Feature', key);
    return flag;
  }

  private async mustFindConfig(tx: TransactionContext, key: string): Promise<ConfigEntryEntity> {
    const entry = await this.admin.findConfig(tx, key);
    if (!entry) throw new NotFoundError('Config entry', key);
    return entry;
  }
}
