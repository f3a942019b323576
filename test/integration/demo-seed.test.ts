// The demo data that `npm run demo` seeds: the demo adopter and rescue admin sign in and find applications in
// several states through the real api, every answer checked against the contract.
import { createDataSource } from '@app/database';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DEMO_ADOPTER_EMAIL, DEMO_RESCUE_ADMIN_EMAIL } from '../../apps/api/src/seed/demo-applications';
import { seed } from '../../apps/api/src/seed/seed';
import { startApi, type TestApi } from '../support/api';
import { testServices } from '../support/test-env';

const database = `${inject('testDatabase')}_demo`;
const server = {
  DB_ENGINE: testServices.dbEngine,
  DB_HOST: testServices.dbHost,
  DB_PORT: testServices.dbPort,
  DB_USER: testServices.dbUser,
  DB_PASSWORD: testServices.dbPassword,
};

let api: TestApi;
beforeAll(async () => {
  await seed({ pets: 600, database, seed: 1, batch: 300, demo: true }, { server, log: () => undefined });
  api = await startApi({ DB_NAME: database, REDIS_PREFIX: `${inject('testRedisPrefix')}-demo` });
});
afterAll(async () => {
  await api?.close();
  const admin = await createDataSource({ ...server, DB_NAME: 'information_schema', DB_POOL_SIZE: 1 });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.destroy();
});

const signIn = async (email: string) => {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email, password: 'seeded-rehomer-password' } });
  expect(res.status).toBe(200);
  return res.body.tokens.accessToken as string;
};

describe('demo applications', () => {
  it('let the demo adopter follow their applications and the rescue admin review theirs, thread and visit included', async () => {
    const adopter = await signIn(DEMO_ADOPTER_EMAIL);
    const mine = await api.request('GET', '/api/v1/applications', { token: adopter });
    expect(mine.body.total).toBeGreaterThanOrEqual(3);
    expect(mine.body.items.map((a: { status: string }) => a.status)).toEqual(expect.arrayContaining(['submitted', 'under_review', 'home_visit']));
    for (const item of mine.body.items) {
      const detail = await api.request('GET', `/api/v1/applications/${item.id}`, { token: adopter });
      expect(detail.status).toBe(200);
      expect(detail.body.questionSet).toEqual({ rescueId: null, version: 1 });
      expect((await api.request('GET', `/api/v1/applications/${item.id}/history`, { token: adopter })).body.items[0]).toMatchObject({
        from: null,
        to: 'submitted',
      });
    }

    const admin = await signIn(DEMO_RESCUE_ADMIN_EMAIL);
    const theirs = await api.request('GET', '/api/v1/applications?status=under_review', { token: admin });
    expect(theirs.body.total).toBe(1);
    const [inReview] = theirs.body.items;
    expect((await api.request('GET', `/api/v1/applications/${inReview.id}/messages`, { token: admin })).body.total).toBe(2);
    const visiting = (await api.request('GET', '/api/v1/applications?status=home_visit', { token: admin })).body.items[0];
    expect((await api.request('GET', `/api/v1/applications/${visiting.id}`, { token: admin })).body.homeVisits).toMatchObject([
      { outcome: 'scheduled', notes: 'Meet the family.' },
    ]);
    expect(
      (
        await api.request('POST', `/api/v1/applications/${inReview.id}/review`, {
          token: admin,
          body: { action: 'start_home_visit', expectedVersion: inReview.version },
        })
      ).status,
    ).toBe(200);
  });
});
