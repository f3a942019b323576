// One freshly created and migrated database (and one Redis key prefix) per test run, dropped at the end.
import { randomBytes } from 'node:crypto';
import { createDataSource } from '@app/database';
import Redis from 'ioredis';
import type { TestProject } from 'vitest/node';
import { testServices } from './test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: string;
    testRedisPrefix: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `pets_test_${runId}`;
  const redisPrefix = `pets-test-${runId}`;
  const base = {
    DB_ENGINE: testServices.dbEngine,
    DB_HOST: testServices.dbHost,
    DB_PORT: testServices.dbPort,
    DB_USER: testServices.dbUser,
    DB_PASSWORD: testServices.dbPassword,
    DB_POOL_SIZE: 2,
  };
  const admin = await createDataSource({ ...base, DB_NAME: 'information_schema' });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const migrator = await createDataSource({ ...base, DB_NAME: database });
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  project.provide('testDatabase', database);
  project.provide('testRedisPrefix', redisPrefix);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.destroy();
    const redis = new Redis(testServices.redisUrl);
    const stream = redis.scanStream({ match: `${redisPrefix}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
    await redis.quit();
  };
}
