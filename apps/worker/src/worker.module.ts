// The worker: consumes the BullMQ queues (jobs, notifications, audit), keeps tracked job rows current,
// re-enqueues lost work, and serves only its own probes and metrics.
import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule, RealtimeSignalsModule, RedisModule, ShutdownState } from '@app/common';
import { databaseModule, ReadinessService } from '@app/database';
import { JobsModule } from '@app/jobs';
import { Registry } from 'prom-client';
import { HandlerRegistry } from './handlers/handler-registry';
import { PurgeIdempotencyKeysHandler } from './handlers/purge-idempotency-keys.handler';
import { PurgeNotificationsHandler } from './handlers/purge-notifications.handler';
import { WriteAuditEntryHandler } from './handlers/write-audit-entry.handler';
import { WorkerHealthController } from './health/worker-health.controller';
import { MailModule } from './mail/mail.module';
import { NotificationDeliveryModule } from './notifications/notification-delivery.module';
import { PrivacyModule } from './privacy/privacy.module';
import { JobTracker } from './queues/job-tracker';
import { MaintenanceScheduler } from './queues/maintenance-scheduler';
import { QueueConsumers } from './queues/queue-consumers';
import { QueuedJobSweeper } from './queues/queued-job-sweeper';

/** Handlers provided here; the others come with the feature modules of JOB_MODULES. */
export const JOB_HANDLERS = [PurgeIdempotencyKeysHandler, PurgeNotificationsHandler, WriteAuditEntryHandler];

/** The feature modules that bring job handlers of their own. */
export const JOB_MODULES = [MailModule, PrivacyModule, NotificationDeliveryModule];

export interface WorkerRuntime {
  config: AppConfig;
  metrics: Registry;
  shutdown: ShutdownState;
}

@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerRuntime, handlers: Array<new (...args: never[]) => unknown> = JOB_HANDLERS): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        AppConfigModule.forRoot(runtime.config),
        databaseModule(runtime.config),
        RedisModule,
        RealtimeSignalsModule,
        DiscoveryModule,
        JobsModule.forRole('worker'),
        AuditModule,
        ...JOB_MODULES,
      ],
      controllers: [WorkerHealthController],
      providers: [
        { provide: Registry, useValue: runtime.metrics },
        { provide: ShutdownState, useValue: runtime.shutdown },
        ReadinessService,
        HandlerRegistry,
        JobTracker,
        QueueConsumers,
        QueuedJobSweeper,
        MaintenanceScheduler,
        ...handlers,
      ],
      exports: [Registry, ShutdownState],
    };
  }
}
