import { describe, expect, it } from 'vitest';
import type { FeatureFlagEntity } from './feature-flag.entity';
import { FeatureRepository } from './feature.repository';
import { FeaturesService } from './features.service';

class InMemoryFeatureRepository extends FeatureRepository {
  constructor(private readonly flags: FeatureFlagEntity[]) {
    super();
  }
  async findAll() {
    return [...this.flags].sort((a, b) => a.key.localeCompare(b.key));
  }
  async findByKey(key: string) {
    return this.flags.find((f) => f.key === key) ?? null;
  }
}

const flag = (key: string, enabled: boolean): FeatureFlagEntity =>
  Object.assign({} as FeatureFlagEntity, {
    key,
    enabled,
    description: `${key} flag`,
    version: 3,
    createdAt: new Date(0),
    updatedAt: new Date('2026-01-02T03:04:05.678Z'),
  });

describe('FeaturesService', () => {
  const service = new FeaturesService(new InMemoryFeatureRepository([flag('b.flag', false), flag('a.flag', true)]));

  it('lists every flag as one page in the pagination envelope', async () => {
    const page = await service.list();
    expect(page).toEqual({
      items: [
        { key: 'a.flag', enabled: true, description: 'a.flag flag', version: 3, updatedAt: '2026-01-02T03:04:05.678Z' },
        { key: 'b.flag', enabled: false, description: 'b.flag flag', version: 3, updatedAt: '2026-01-02T03:04:05.678Z' },
      ],
      nextCursor: null,
      total: 2,
    });
  });

  it('throws NOT_FOUND for an unknown key', async () => {
    await expect(service.get('c.flag')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { id: 'c.flag' } });
  });
});
