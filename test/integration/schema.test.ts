import { getDataSourceToken } from '@nestjs/typeorm';
import { createDataSource } from '@app/database';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { startApi } from '../support/api';
import { testConfig } from '../support/config';
import { startWorker } from '../support/worker';

type Entities = Array<string | (new (...args: never[]) => object)>;

/** The tables a running app maps: those its modules declare with TypeOrmModule.forFeature. */
async function entitiesOf(start: () => Promise<{ app: { get<T>(token: unknown): T }; close(): Promise<void> }>): Promise<Entities> {
  const running = await start();
  try {
    return running.app.get<DataSource>(getDataSourceToken()).entityMetadatas.map((metadata) => metadata.target as Entities[number]);
  } finally {
    await running.close();
  }
}

describe('database schema', () => {
  it('migrations and entities agree: a migration generated from the entities would be empty', async () => {
    const entities = [...new Set([...(await entitiesOf(() => startApi())), ...(await entitiesOf(() => startWorker()))])];
    expect(entities.length).toBeGreaterThan(25);
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
