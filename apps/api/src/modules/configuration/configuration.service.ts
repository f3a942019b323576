import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import type { PublicConfigDto } from '@app/contracts';
import { toPublicConfigDto } from './configuration.mapper';
import { ConfigurationRepository } from './configuration.repository';

@Injectable()
export class ConfigurationService {
  constructor(
    private readonly entries: ConfigurationRepository,
    private readonly config: AppConfig,
  ) {}

  async publicConfig(): Promise<PublicConfigDto> {
    return toPublicConfigDto(await this.entries.findPublic(), this.config.PRODUCT_NAME);
  }
}
