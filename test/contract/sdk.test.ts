// The generated SDK works against the real api (every response checked against the contract) and against
// the Prism mock of the contract that QA and frontend teams use.
import { createClient, getFeature, getLiveness, getPublicConfig, listFeatures, reviewApplication, submitApplication } from '@pet-adoption/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { startPrismMock, type PrismMock } from '../support/prism';

describe('the generated SDK against the real api', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('reads flags and configuration with typed results', async () => {
    const client = createClient({ baseUrl: api.baseUrl, fetch: api.fetch });
    const flags = await listFeatures({ client, throwOnError: true });
    expect(flags.data.items.length).toBeGreaterThan(0);
    const flag = await getFeature({ client, path: { feature: flags.data.items[0].key }, throwOnError: true });
    expect(flag.data).toEqual(flags.data.items[0]);
    const config = await getPublicConfig({ client, throwOnError: true });
    expect(config.data.values.productName).toBe(api.config.PRODUCT_NAME);
  });

  it('surfaces a typed error body for a missing flag', async () => {
    const client = createClient({ baseUrl: api.baseUrl, fetch: api.fetch });
    const result = await getFeature({ client, path: { feature: 'missing.flag' } });
    expect(result.response.status).toBe(404);
    expect(result.error?.code).toBe('NOT_FOUND');
  });
});

describe('the generated SDK against the Prism mock', () => {
  let mock: PrismMock;
  beforeAll(async () => {
    mock = await startPrismMock();
  }, 60_000);
  afterAll(() => mock?.stop());

  it('gets contract-shaped answers from the mock', async () => {
    const client = createClient({ baseUrl: mock.baseUrl });
    const live = await getLiveness({ client, throwOnError: true });
    expect(live.data.status).toBe('ok');
    const flags = await listFeatures({ client, throwOnError: true });
    expect(Array.isArray(flags.data.items)).toBe(true);
    expect(typeof flags.data.total).toBe('number');
  });

  it('lets QA ask the mock for a documented error', async () => {
    const client = createClient({ baseUrl: mock.baseUrl });
    const result = await getFeature({ client, path: { feature: 'any.flag' }, headers: { Prefer: 'code=404', Accept: '*/*' } });
    expect(result.response.status).toBe(404);
    expect(result.error).toHaveProperty('code');
    expect(result.error).toHaveProperty('details');
  });

  it('mocks the adoption flow for frontend work: a submitted application, and the documented conflicts on demand', async () => {
    const client = createClient({ baseUrl: mock.baseUrl, auth: 'mock-token' });
    const body = {
      petId: '01900000-0000-7000-8000-000000000001',
      answers: { home_type: 'house' },
      references: [{ name: 'Dr Patel', relationship: 'vet', email: 'vet@example.org' }],
    };
    const submitted = await submitApplication({ client, headers: { 'Idempotency-Key': 'mock-key-0001' }, body, throwOnError: true });
    expect(submitted.response.status).toBe(201);
    expect(typeof submitted.data.id).toBe('string');
    expect(Array.isArray(submitted.data.references)).toBe(true);
    // The contract requires the key: Prism refuses a request without it, as the api does.
    const keyless = await fetch(`${mock.baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer mock-token', accept: '*/*' },
      body: JSON.stringify(body),
    });
    expect(keyless.status).toBe(422);
    const conflict = await reviewApplication({
      client,
      path: { applicationId: '01900000-0000-7000-8000-000000000002' },
      body: { action: 'approve' },
      headers: { Prefer: 'code=409', Accept: '*/*' },
    });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error).toHaveProperty('code');
  });
});
