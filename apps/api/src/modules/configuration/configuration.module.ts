// Owns platform settings stored in the database: the public subset for clients, the rest for admins.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigEntryEntity } from './config-entry.entity';
import { ConfigurationController } from './configuration.controller';
import { ConfigurationRepository, TypeOrmConfigurationRepository } from './configuration.repository';
import { ConfigurationService } from './configuration.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConfigEntryEntity])],
  controllers: [ConfigurationController],
  providers: [ConfigurationService, { provide: ConfigurationRepository, useClass: TypeOrmConfigurationRepository }],
})
export class ConfigurationModule {}
