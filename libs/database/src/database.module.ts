import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { applySessionSettings, createDataSourceOptions } from './data-source';

/**
 * TypeORM for a Nest app, built from the shared DataSource definition with the session settings applied. It maps the
 * tables that the app's modules declare with `TypeOrmModule.forFeature`, so each module's file shows what it touches.
 */
export function databaseModule(config: Parameters<typeof createDataSourceOptions>[0]): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({ ...createDataSourceOptions(config), autoLoadEntities: true }),
    dataSourceFactory: async (options) => {
      const dataSource = await new DataSource(options as DataSourceOptions).initialize();
      await applySessionSettings(dataSource);
      return dataSource;
    },
  });
}
