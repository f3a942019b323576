// Once per smoke run: build dist/ exactly as the images do, then create and migrate a database of its own with the
// built migration CLI. Dropped again at the end, with the run's Redis keys.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import type { TestProject } from 'vitest/node';
import { testServices } from '../support/test-env';
import { runBuiltScript, smokeEnvironment } from './built-app';

declare module 'vitest' {
  export interface ProvidedContext {
    smokeDatabase: string;
    smokeRedisPrefix: string;
  }
}

const BUILD_TIMEOUT_MS = 180_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The images build into an empty dist/ (the ignore files keep the local one out): so does this run, or a file
  // compiled from a since-deleted source would still be there to pass the test.
  rmSync('dist', { recursive: true, force: true });
  await promisify(execFile)('npm', ['run', 'build'], { timeout: BUILD_TIMEOUT_MS }).catch((error: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`npm run build failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  });

  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `pets_smoke_${runId}`;
  const redisPrefix = `pets-smoke-${runId}`;
  const admin = await createConnection({ host: testServices.dbHost, port: testServices.dbPort, user: testServices.dbUser, password: testServices.dbPassword });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await runBuiltScript('db:migrate', smokeEnvironment(database, redisPrefix));

  project.provide('smokeDatabase', database);
  project.provide('smokeRedisPrefix', redisPrefix);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
    const redis = new Redis(testServices.redisUrl);
    const stream = redis.scanStream({ match: `${redisPrefix}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
    await redis.quit();
  };
}
