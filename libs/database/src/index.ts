export * from './base.entity';
export * from './data-source';
export * from './naming-strategy';
export * from './optimistic-update';
export * from './transaction';
export * from './health/readiness.service';
export * from './database.module';
export * from './reference/breeds';
