import { createDataSource } from '@app/database';
import { describe, expect, it } from 'vitest';
import { apiEntities } from '../../apps/api/src/entities';
import { workerEntities } from '../../apps/worker/src/entities';
import { testConfig } from '../support/config';

describe('database schema', () => {
  it('migrations and entities agree: a migration generated from the entities would be empty', async () => {
    const entities = [...new Set([...apiEntities, ...workerEntities])];
    const dataSource = await createDataSource(testConfig(), entities);
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('has applied every migration', async () => {
    const dataSource = await createDataSource(testConfig());
    try {
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
