import { createDataSource } from '@app/database';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { testConfig } from '../support/config';

describe('request ids, headers, logs and metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('echoes a valid X-Request-Id and puts it on the log line of the request', async () => {
    const res = await api.request('GET', '/api/v1/features', { headers: { 'x-request-id': 'client-chosen-id-1' } });
    expect(res.headers.get('x-request-id')).toBe('client-chosen-id-1');
    const lines = api.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === 'client-chosen-id-1');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ level: 'info', route: '/api/v1/features', status: 200, service: 'api' });
  });

  it('generates a request id when none or an unsafe one is sent', async () => {
    const none = await api.request('GET', '/healthz');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await api.request('GET', '/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await api.request('GET', '/api/v1/config');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows only configured CORS origins', async () => {
    const allowed = await api.request('GET', '/api/v1/config', { headers: { origin: 'https://app.example.org' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    const other = await api.request('GET', '/api/v1/config', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes with the error body', async () => {
    const res = await api.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: {} });
  });

  it('exports request durations labelled by route template, method and status', async () => {
    await api.request('GET', '/api/v1/features/chat.enabled');
    const res = await api.request('GET', '/metrics', { unchecked: true });
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/features\/:feature",method="GET",status="200"\} [1-9]/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves the bundled contract in Swagger UI at /docs', async () => {
    const page = await api.request('GET', '/docs', { unchecked: true });
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const spec = await api.request('GET', '/docs-json', { unchecked: true });
    expect(spec.body.paths['/api/v1/features/{feature}'].get.operationId).toBe('getFeature');
  });
});

describe('unexpected failures', () => {
  const brokenDb = `${inject('testDatabase')}_broken`;
  let api: TestApi;
  beforeAll(async () => {
    const base = testConfig();
    const admin = await createDataSource({ ...base, DB_NAME: inject('testDatabase') });
    await admin.query(`CREATE DATABASE \`${brokenDb}\``);
    await admin.destroy();
    const migrator = await createDataSource({ ...base, DB_NAME: brokenDb });
    await migrator.runMigrations();
    await migrator.query('DROP TABLE feature_flags');
    await migrator.destroy();
    api = await startApi({ DB_NAME: brokenDb });
  });
  afterAll(async () => {
    await api?.close();
    const admin = await createDataSource({ ...testConfig(), DB_NAME: inject('testDatabase') });
    await admin.query(`DROP DATABASE IF EXISTS \`${brokenDb}\``);
    await admin.destroy();
  });

  it('answers 500 INTERNAL without SQL or stack, logs the cause, and stays healthy', async () => {
    const res = await api.request('GET', '/api/v1/features');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: 'An unexpected error occurred.', details: {} });
    expect(res.text).not.toMatch(/feature_flags|SELECT|at .*\.ts|ER_NO_SUCH_TABLE/);
    const errorLine = api.logs.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(errorLine?.err?.message).toMatch(/feature_flags/);
    expect(errorLine?.requestId).toBe(res.headers.get('x-request-id'));
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });
});
