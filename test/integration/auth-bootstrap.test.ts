// The first administrator, created at start-up. Runs in a database of its own: "no super_admin exists yet"
// must not depend on what other test files created in the shared one.
import { createDataSource } from '@app/database';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { testConfig } from '../support/config';
import { isolatedRedisPrefix } from '../support/worker';

describe('bootstrap administrator', () => {
  const database = `${inject('testDatabase')}_bootstrap`;
  const email = 'Founder@Example.org';
  const password = 'Bootstrap-admin-pass-2026';
  let dataSource: DataSource;
  const apis: TestApi[] = [];
  const start = (overrides: Record<string, string> = {}) =>
    startApi({
      DB_NAME: database,
      REDIS_PREFIX: isolatedRedisPrefix('bootstrap'),
      BOOTSTRAP_ADMIN_EMAIL: email,
      BOOTSTRAP_ADMIN_PASSWORD: password,
      ...overrides,
    }).then((api) => {
      apis.push(api);
      return api;
    });

  beforeAll(async () => {
    const admin = await createDataSource({ ...testConfig(), DB_NAME: inject('testDatabase') });
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    dataSource = await createDataSource({ ...testConfig(), DB_NAME: database });
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close()));
    await dataSource?.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await dataSource?.destroy();
  });

  it('creates one verified super_admin when replicas start at once, and signs in with the configured password', async () => {
    const [first] = await Promise.all([start(), start()]);
    const rows = await dataSource.query("SELECT email, role, email_verified_at FROM users WHERE role = 'super_admin'");
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe('founder@example.org');
    expect(rows[0].email_verified_at).not.toBeNull();
    const login = await first.request('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    expect((await first.request('GET', '/api/v1/auth/me', { token: login.body.tokens.accessToken })).body.role).toBe('super_admin');
  });

  it('does nothing once a super_admin exists, even with another address or password', async () => {
    const later = await start({ BOOTSTRAP_ADMIN_EMAIL: 'second@example.org', BOOTSTRAP_ADMIN_PASSWORD: 'Another-admin-pass-2026' });
    expect(await dataSource.query("SELECT email FROM users WHERE role = 'super_admin'")).toEqual([{ email: 'founder@example.org' }]);
    expect((await later.request('POST', '/api/v1/auth/login', { body: { email, password } })).status).toBe(200);
  });

  it('never promotes an existing account that holds the address', async () => {
    await dataSource.query("UPDATE users SET role = 'admin' WHERE email = 'founder@example.org'");
    const api = await start();
    const [row] = await dataSource.query("SELECT role FROM users WHERE email = 'founder@example.org'");
    expect(row.role).toBe('admin');
    expect(await dataSource.query("SELECT id FROM users WHERE role = 'super_admin'")).toEqual([]);
    expect(api.logs.some((line) => line.includes('not a super_admin'))).toBe(true);
  });
});
