import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule, RealtimeSignalsModule, RedisModule, ShutdownState } from '@app/common';
import { databaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { Registry } from 'prom-client';
import { AdminModule } from './modules/admin/admin.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConfigurationModule } from './modules/configuration/configuration.module';
import { FeaturesModule } from './modules/features/features.module';
import { HealthModule } from './modules/health/health.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { JobStatusModule } from './modules/job-status/job-status.module';
import { NotificationCentreModule } from './modules/notifications/notifications.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { PetSearchModule } from './modules/pet-search/pet-search.module';
import { PetsModule } from './modules/pets/pets.module';
import { RescuesModule } from './modules/rescues/rescues.module';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module';
import { UsersModule } from './modules/users/users.module';

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
        databaseModule(runtime.config),
        RedisModule,
        RealtimeSignalsModule,
        JobsModule.forRole('producer'),
        AuditModule,
        IdempotencyModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        ConfigurationModule,
        FeaturesModule,
        UsersModule,
        JobStatusModule,
        AdminModule,
        RescuesModule,
        PetsModule,
        PetSearchModule,
        ApplicationsModule,
        NotificationCentreModule,
        RealtimeModule,
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
