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

/**
 * Every session works in UTC (so CURRENT_TIMESTAMP(3) and JS Dates agree) and in strict mode (so bad data is an
 * error, never a silent truncation), whatever the server's defaults are, on MariaDB and MySQL alike.
 */
const SESSION_SETTINGS =
  "SET time_zone = '+00:00', sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

interface Mysql2Pool {
  on(event: 'connection', listener: (connection: { query(sql: string): void }) => void): void;
  _allConnections?: { length: number };
}

/** Applies SESSION_SETTINGS to new pool connections, and to the ones TypeORM opened while initialising. */
export async function applySessionSettings(dataSource: DataSource): Promise<void> {
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return;
  pool.on('connection', (connection) => connection.query(SESSION_SETTINGS));
  const existing = pool._allConnections?.length ?? 1;
  const runners = Array.from({ length: existing }, () => dataSource.createQueryRunner());
  await Promise.all(runners.map((runner) => runner.query(SESSION_SETTINGS)));
  await Promise.all(runners.map((runner) => runner.release()));
}

export async function createDataSource(config: DatabaseConfig, entities: EntityList = []): Promise<DataSource> {
  const dataSource = new DataSource(createDataSourceOptions(config, entities));
  await dataSource.initialize();
  await applySessionSettings(dataSource);
  return dataSource;
}
