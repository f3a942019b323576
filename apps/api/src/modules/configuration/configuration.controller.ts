import { Controller } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { operations, type PublicConfigDto } from '@app/contracts';
import { ConfigurationService } from './configuration.service';

@Controller()
export class ConfigurationController {
  constructor(private readonly configuration: ConfigurationService) {}

  @ContractRoute(operations.getPublicConfig)
  getPublicConfig(): Promise<PublicConfigDto> {
    return this.configuration.publicConfig();
  }
}
