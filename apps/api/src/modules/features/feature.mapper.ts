import type { FeatureDto } from '@app/contracts';
import type { FeatureFlagEntity } from './feature-flag.entity';

export function toFeatureDto(flag: FeatureFlagEntity): FeatureDto {
  return {
    key: flag.key,
    enabled: flag.enabled,
    description: flag.description,
    version: flag.version,
    updatedAt: flag.updatedAt.toISOString(),
  };
}
