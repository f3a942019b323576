export * from './job-errors';
export * from './job.entity';
export * from './job.producer';
export * from './jobs.module';
export * from './queues';
export * from './redis-connection';
