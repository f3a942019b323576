import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import type { FeatureDto, FeaturePageDto } from '@app/contracts';
import { toFeatureDto } from './feature.mapper';
import { FeatureRepository } from './feature.repository';

@Injectable()
export class FeaturesService {
  constructor(private readonly features: FeatureRepository) {}

  /** The flag set is small and bounded, so it is one page holding every flag. */
  async list(): Promise<FeaturePageDto> {
    const flags = await this.features.findAll();
    return { items: flags.map(toFeatureDto), nextCursor: null, total: flags.length };
  }

  async get(key: string): Promise<FeatureDto> {
    const flag = await this.features.findByKey(key);
    if (!flag) throw new NotFoundError('Feature', key);
    return toFeatureDto(flag);
  }
}
