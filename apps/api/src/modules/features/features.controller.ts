import { Controller, Param } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { operations, type FeatureDto, type FeaturePageDto, GetFeatureParams } from '@app/contracts';
import { FeaturesService } from './features.service';

@Controller()
export class FeaturesController {
  constructor(private readonly features: FeaturesService) {}

  @ContractRoute(operations.listFeatures)
  listFeatures(): Promise<FeaturePageDto> {
    return this.features.list();
  }

  @ContractRoute(operations.getFeature)
  getFeature(@Param() params: GetFeatureParams): Promise<FeatureDto> {
    return this.features.get(params.feature);
  }
}
