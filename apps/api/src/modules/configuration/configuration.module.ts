// Owns platform settings stored in the database: the public subset for clients, the rest for admins.
import { Module } from '@nestjs/common';
import { ConfigurationController } from './configuration.controller';
import { ConfigurationRepository, TypeOrmConfigurationRepository } from './configuration.repository';
import { ConfigurationService } from './configuration.service';

@Module({
  controllers: [ConfigurationController],
  providers: [ConfigurationService, { provide: ConfigurationRepository, useClass: TypeOrmConfigurationRepository }],
})
export class ConfigurationModule {}
