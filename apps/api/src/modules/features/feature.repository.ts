import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FeatureFlagEntity } from './feature-flag.entity';

/** What the features service needs from storage; the DI token, so the service never touches TypeORM. */
export abstract class FeatureRepository {
  abstract findAll(): Promise<FeatureFlagEntity[]>;
  abstract findByKey(key: string): Promise<FeatureFlagEntity | null>;
}

@Injectable()
export class TypeOrmFeatureRepository extends FeatureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  findAll(): Promise<FeatureFlagEntity[]> {
    return this.dataSource.getRepository(FeatureFlagEntity).find({ order: { key: 'ASC' } });
  }

  findByKey(key: string): Promise<FeatureFlagEntity | null> {
    return this.dataSource.getRepository(FeatureFlagEntity).findOneBy({ key });
  }
}
