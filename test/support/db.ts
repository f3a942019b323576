import { createDataSource } from '@app/database';
import type { DataSource } from 'typeorm';
import { testConfig } from './config';

/** A plain connection to this run's database, for assertions made outside the app under test. */
export function openTestDataSource(entities: Parameters<typeof createDataSource>[1] = []): Promise<DataSource> {
  return createDataSource(testConfig(), entities);
}
