import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigEntryEntity } from './config-entry.entity';

export abstract class ConfigurationRepository {
  abstract findPublic(): Promise<ConfigEntryEntity[]>;
}

@Injectable()
export class TypeOrmConfigurationRepository extends ConfigurationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  findPublic(): Promise<ConfigEntryEntity[]> {
    return this.dataSource.getRepository(ConfigEntryEntity).find({ where: { isPublic: true }, order: { key: 'ASC' } });
  }
}
