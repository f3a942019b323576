import { createDataSource } from '@app/database';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { testConfig } from './config';

/** A plain connection to this run's database, for assertions made outside the app under test. */
export function openTestDataSource(entities: Parameters<typeof createDataSource>[1] = []): Promise<DataSource> {
  return createDataSource(testConfig(), entities);
}

/**
 * A migrated database of its own beside this run's, for tests that must change the schema (e.g. to make a write
 * fail) without disturbing the other test files. `drop()` removes it.
 */
export async function createScratchDatabase(suffix: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `${inject('testDatabase')}_${suffix}`;
  const admin = await openTestDataSource();
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.destroy();
  const migrator = await createDataSource({ ...testConfig(), DB_NAME: name });
  await migrator.runMigrations();
  await migrator.destroy();
  return {
    name,
    async drop() {
      const dropper = await openTestDataSource();
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.destroy();
    },
  };
}
