import type { AppConfig } from '@app/common';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

type DatabaseConfig = Pick<AppConfig, 'DB_ENGINE' | 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME' | 'DB_POOL_SIZE'>;

/** The one DataSource definition shared by the api, the worker and the migration CLI. Schema changes go through migrations only. */
export function createDataSourceOptions(config: DatabaseConfig, entities: EntityList = []): DataSourceOptions {
  return {
    type: config.DB_ENGINE,
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize: config.DB_POOL_SIZE,
    extra: { connectionLimit: config.DB_POOL_SIZE, waitForConnections: true, queueLimit: 0, enableKeepAlive: true },
  };
}

/** Every connection of the pool works in UTC, so CURRENT_TIMESTAMP(3) and JS Dates agree. */
function useUtcSessions(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { pool?: { on(event: 'connection', cb: (c: { query(sql: string): void }) => void): void } }).pool;
  pool?.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));
}

export async function createDataSource(config: DatabaseConfig, entities: EntityList = []): Promise<DataSource> {
  const dataSource = new DataSource(createDataSourceOptions(config, entities));
  await dataSource.initialize();
  useUtcSessions(dataSource);
  return dataSource;
}
