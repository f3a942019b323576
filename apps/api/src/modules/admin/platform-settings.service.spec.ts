import type { AuditLogEntity } from '@app/audit';
import { NotFoundError, VersionConflictError } from '@app/common';
import type { TransactionContext } from '@app/database';
import { describe, expect, it } from 'vitest';
import { FakeAudit } from '../../../../../test/support/users-fakes';
import type { ConfigEntryEntity } from '../configuration/config-entry.entity';
import type { FeatureFlagEntity } from '../features/feature-flag.entity';
import { AdminRepository, type ConfigChanges, type FeatureChanges } from './admin.repository';
import { PlatformSettingsService } from './platform-settings.service';

class InMemoryAdminRepository extends AdminRepository {
  features = new Map<string, FeatureFlagEntity>();
  config = new Map<string, ConfigEntryEntity>();

  async transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return work({ manager: null as never, afterCommit: () => undefined });
  }
  async listAudit(): Promise<AuditLogEntity[]> {
    return [];
  }
  async countAudit() {
    return 0;
  }
  async findFeature(_tx: TransactionContext, key: string) {
    return structuredClone(this.features.get(key) ?? null);
  }
  async updateFeature(_tx: TransactionContext, key: string, expectedVersion: number, changes: FeatureChanges) {
    this.apply(this.features.get(key), 'Feature', key, expectedVersion, changes);
  }
  async findAllConfig() {
    return [...this.config.values()].sort((a, b) => a.key.localeCompare(b.key));
  }
  async findConfig(_tx: TransactionContext, key: string) {
    return structuredClone(this.config.get(key) ?? null);
  }
  async updateConfig(_tx: TransactionContext, key: string, expectedVersion: number, changes: ConfigChanges) {
    this.apply(this.config.get(key), 'Config entry', key, expectedVersion, changes);
  }
  private apply(row: { version: number; updatedAt: Date } | undefined, resource: string, key: string, expectedVersion: number, changes: object) {
    if (!row) throw new NotFoundError(resource, key);
    if (row.version !== expectedVersion) throw new VersionConflictError(resource, row.version);
    Object.assign(row, changes, { version: row.version + 1, updatedAt: new Date('2026-02-02T00:00:00.000Z') });
  }
}

const then = new Date('2026-01-01T00:00:00.000Z');
function setup() {
  const repository = new InMemoryAdminRepository();
  repository.features.set(
    'chat.enabled',
    Object.assign({} as FeatureFlagEntity, { key: 'chat.enabled', enabled: true, description: 'Chat', version: 1, createdAt: then, updatedAt: then }),
  );
  repository.config.set(
    'pets.maxPhotos',
    Object.assign({} as ConfigEntryEntity, {
      key: 'pets.maxPhotos',
      value: 12,
      isPublic: true,
      description: 'Photos',
      version: 1,
      createdAt: then,
      updatedAt: then,
    }),
  );
  repository.config.set(
    'a.private',
    Object.assign({} as ConfigEntryEntity, {
      key: 'a.private',
      value: { x: 1 },
      isPublic: false,
      description: 'Hidden',
      version: 4,
      createdAt: then,
      updatedAt: then,
    }),
  );
  const audit = new FakeAudit();
  return { repository, audit, service: new PlatformSettingsService(repository, audit.asService()) };
}

describe('PlatformSettingsService features', () => {
  it('switches a flag at the expected version and audits before and after', async () => {
    const { audit, service } = setup();
    expect(await service.updateFeature('chat.enabled', { enabled: false, expectedVersion: 1 })).toEqual({
      key: 'chat.enabled',
      enabled: false,
      description: 'Chat',
      version: 2,
      updatedAt: '2026-02-02T00:00:00.000Z',
    });
    expect(audit.events).toEqual([
      {
        action: 'feature.updated',
        targetType: 'feature',
        targetId: 'chat.enabled',
        before: { enabled: true, description: 'Chat', version: 1 },
        after: { enabled: false, description: 'Chat', version: 2 },
      },
    ]);
  });

  it('rejects a stale version and an unknown flag without auditing', async () => {
    const { repository, audit, service } = setup();
    await expect(service.updateFeature('chat.enabled', { enabled: false, expectedVersion: 7 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
    await expect(service.updateFeature('no.such', { enabled: true, expectedVersion: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(repository.features.get('chat.enabled')?.enabled).toBe(true);
    expect(audit.events).toEqual([]);
  });
});

describe('PlatformSettingsService configuration', () => {
  it('lists every entry, public and private, as one page', async () => {
    const { service } = setup();
    const page = await service.listConfig();
    expect(page.items.map((e) => [e.key, e.isPublic])).toEqual([
      ['a.private', false],
      ['pets.maxPhotos', true],
    ]);
    expect(page).toMatchObject({ total: 2, nextCursor: null });
  });

  it('changes a value (keeping unspecified fields), audits it, and refuses an absent value', async () => {
    const { repository, audit, service } = setup();
    expect(await service.updateConfig('pets.maxPhotos', { value: 20, expectedVersion: 1 })).toMatchObject({
      value: 20,
      isPublic: true,
      description: 'Photos',
      version: 2,
    });
    expect(audit.events[0]).toMatchObject({
      action: 'config.updated',
      targetType: 'config',
      targetId: 'pets.maxPhotos',
      before: { value: 12 },
      after: { value: 20 },
    });
    await expect(service.updateConfig('pets.maxPhotos', { expectedVersion: 2 } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(repository.config.get('pets.maxPhotos')?.value).toBe(20);
  });

  it('answers 404 for an unknown key and 409 for a stale version', async () => {
    const { service } = setup();
    await expect(service.updateConfig('no.such', { value: 1, expectedVersion: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.updateConfig('a.private', { value: 1, expectedVersion: 1 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 4 },
    });
  });
});
