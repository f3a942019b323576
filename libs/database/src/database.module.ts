import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { applySessionSettings, createDataSourceOptions } from './data-source';

/** TypeORM for a Nest app, built from the shared DataSource definition with the session settings applied. */
export function databaseModule(...args: Parameters<typeof createDataSourceOptions>): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => createDataSourceOptions(...args),
    dataSourceFactory: async (options) => {
      const dataSource = await new DataSource(options as DataSourceOptions).initialize();
      await applySessionSettings(dataSource);
      return dataSource;
    },
  });
}
