import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule, RedisModule, ShutdownState } from '@app/common';
import { databaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { Registry } from 'prom-client';
import { apiEntities } from './entities';
import { ConfigurationModule } from './modules/configuration/configuration.module';
import { FeaturesModule } from './modules/features/features.module';
import { HealthModule } from './modules/health/health.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';

export interface ApiRuntime {
  config: AppConfig;
  metrics: Registry;
  shutdown: ShutdownState;
}

@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(runtime.config),
        databaseModule(runtime.config, apiEntities),
        RedisModule,
        JobsModule.forRole('producer'),
        AuditModule,
        IdempotencyModule,
        HealthModule,
        ConfigurationModule,
        FeaturesModule,
      ],
      providers: [
        { provide: Registry, useValue: runtime.metrics },
        { provide: ShutdownState, useValue: runtime.shutdown },
      ],
      exports: [Registry, ShutdownState],
      global: true,
    };
  }
}
