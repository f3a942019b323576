export * from './audit-log.entity';
export * from './audit.module';
export * from './audit.repository';
export * from './audit.service';
