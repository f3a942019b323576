import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { JobEntity } from './job.entity';
import { JobProducer } from './job.producer';
import { QUEUE } from './queues';
import { bullConnection } from './redis-connection';

const queues = Object.values(QUEUE).map((name) => ({ name }));

/** BullMQ wiring shared by both apps: the api produces, the worker produces (re-enqueue, audit retry) and consumes. */
@Module({})
export class JobsModule {
  static forRole(role: 'producer' | 'worker'): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => bullConnection(config, role) }),
        BullModule.registerQueue(...queues),
        TypeOrmModule.forFeature([JobEntity]),
      ],
      providers: [JobProducer],
      exports: [JobProducer, BullModule],
    };
  }
}
