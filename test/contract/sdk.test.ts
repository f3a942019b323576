// The generated SDK works against the real api (every response checked against the contract) and against
// the Prism mock of the contract that QA and frontend teams use.
import { createClient, getFeature, getLiveness, getPublicConfig, listFeatures } from '@pet-adoption/sdk';
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
});
