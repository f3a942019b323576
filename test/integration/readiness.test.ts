import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { DisposableRedis } from '../support/redis-server';
import { waitFor } from '../support/worker';

describe('probes during a Redis outage', () => {
  let redis: DisposableRedis;
  let api: TestApi;
  beforeAll(async () => {
    redis = await DisposableRedis.start();
    api = await startApi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.down();
  });

  it('is ready when MySQL, Redis and the schema are', async () => {
    const res = await api.request('GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ database: 'up', redis: 'up', migrations: 'up' });
  });

  it('turns /readyz 503 naming Redis while /healthz stays 200, and recovers when Redis returns', async () => {
    await redis.down();
    const unready = await waitFor(
      async () => {
        const res = await api.request('GET', '/readyz');
        return res.status === 503 ? res : undefined;
      },
      10_000,
      'readiness to fail',
    );
    expect(unready.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { checks: { redis: 'down', database: 'up' } } });
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    expect((await api.request('GET', '/api/v1/features')).status).toBe(200); // reads that need no Redis keep working

    await redis.up();
    await waitFor(async () => (await api.request('GET', '/readyz')).status === 200, 15_000, 'readiness to recover');
  });
});
