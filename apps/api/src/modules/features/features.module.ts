// Owns feature flags: which product features are switched on, read by clients and by other modules.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeatureFlagEntity } from './feature-flag.entity';
import { FeatureRepository, TypeOrmFeatureRepository } from './feature.repository';
import { FeaturesController } from './features.controller';
import { FeaturesService } from './features.service';

@Module({
  imports: [TypeOrmModule.forFeature([FeatureFlagEntity])],
  controllers: [FeaturesController],
  providers: [FeaturesService, { provide: FeatureRepository, useClass: TypeOrmFeatureRepository }],
  exports: [FeaturesService],
})
export class FeaturesModule {}
