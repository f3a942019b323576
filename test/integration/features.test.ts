import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';

describe('feature flags and public configuration', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('lists the seeded feature flags in key order inside the pagination envelope', async () => {
    const res = await api.request('GET', '/api/v1/features');
    expect(res.status).toBe(200);
    const keys = res.body.items.map((f: { key: string }) => f.key);
    expect(keys).toContain('registration.enabled');
    expect(keys).toEqual([...keys].sort());
    expect(res.body.total).toBe(keys.length);
    expect(res.body.nextCursor).toBeNull();
  });

  it('returns one flag with its state and version', async () => {
    const res = await api.request('GET', '/api/v1/features/chat.enabled');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'chat.enabled', enabled: true, version: 1 });
    expect(new Date(res.body.updatedAt).toISOString()).toBe(res.body.updatedAt);
  });

  it('answers 404 NOT_FOUND for an unknown flag', async () => {
    const res = await api.request('GET', '/api/v1/features/no.such.flag');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: { resource: 'Feature', id: 'no.such.flag' } });
  });

  it('rejects a malformed flag key with VALIDATION_FAILED and per-field details', async () => {
    const res = await api.request('GET', '/api/v1/features/Bad%20Key!');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields[0].field).toBe('feature');
  });

  it('serves only public configuration values', async () => {
    const res = await api.request('GET', '/api/v1/config');
    expect(res.status).toBe(200);
    expect(res.body.values).toMatchObject({ productName: api.config.PRODUCT_NAME, 'pets.maxPhotos': 12, 'support.email': 'support@example.org' });
    expect(res.body.values).not.toHaveProperty('moderation.autoHideReportThreshold');
  });
});
