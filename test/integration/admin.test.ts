// Admin operations: reading the audit log, switching feature flags, changing configuration entries.
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';

let api: TestApi;
let db: DataSource;
let admin: TestUser;
let moderator: TestUser;
beforeAll(async () => {
  api = await startApi();
  db = api.app.get<DataSource>(getDataSourceToken());
  admin = await createUser(api, { role: 'admin' });
  moderator = await createUser(api, { role: 'moderator' });
});
afterAll(() => api.close());

const hex = () => randomBytes(4).toString('hex');

describe('GET /admin/audit', () => {
  // Rows of this test only: a target type of their own, and times in 2021 that nothing else writes.
  const tok = `aud${hex()}`;
  const actorA = newId();
  const actorB = newId();
  const rows: Record<string, string> = {};

  beforeAll(async () => {
    const insert = async (key: string, actorId: string | null, action: string, targetType: string, targetId: string, createdAt: string) => {
      rows[key] = newId();
      await db.query(
        'INSERT INTO audit_log (id, actor_id, action, target_type, target_id, before_state, after_state, request_id, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          rows[key],
          actorId,
          action,
          targetType,
          targetId,
          JSON.stringify({ n: key }),
          JSON.stringify([key, 1]),
          `req-${key}`,
          '192.0.2.1',
          new Date(createdAt),
        ],
      );
      await new Promise((resolve) => setTimeout(resolve, 2)); // the next id (UUIDv7) is greater
    };
    await insert('a1', actorA, `${tok}.one`, tok, 't1', '2021-01-01T00:00:00.000Z');
    await insert('a2', actorB, `${tok}.two`, tok, 't2', '2021-01-02T00:00:00.000Z');
    await insert('a3', actorA, `${tok}.two`, tok, 't1', '2021-01-03T00:00:00.000Z');
    await insert('a4', null, `${tok}.one`, tok, 't2', '2021-01-03T00:00:00.000Z');
    await insert('a5', actorB, `${tok}.one`, `${tok}-other`, 't1', '2021-01-04T00:00:00.000Z');
  });

  const audit = (query: string, token = admin.token) => api.request('GET', `/api/v1/admin/audit?${query}`, { token });
  const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((e) => e.id);
  const expected = (...keys: string[]) => keys.map((k) => rows[k]);

  it('filters by target type, newest first with ties broken by id, and maps every field', async () => {
    const res = await audit(`targetType=${tok}`);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expected('a4', 'a3', 'a2', 'a1'));
    expect(res.body.total).toBe(4);
    expect(res.body.items[0]).toEqual({
      id: rows.a4,
      actorId: null,
      action: `${tok}.one`,
      targetType: tok,
      targetId: 't2',
      before: { n: 'a4' },
      after: ['a4', 1],
      requestId: 'req-a4',
      ip: '192.0.2.1',
      createdAt: '2021-01-03T00:00:00.000Z',
    });
  });

  it.each([
    ['target type and id', () => `targetType=${tok}&targetId=t1`, ['a3', 'a1']],
    ['actor', () => `actorId=${actorA}`, ['a3', 'a1']],
    ['action', () => `action=${tok}.one`, ['a5', 'a4', 'a1']],
    ['time: from inclusive, to exclusive', () => `targetType=${tok}&from=2021-01-02T00:00:00Z&to=2021-01-03T00:00:00.001Z`, ['a4', 'a3', 'a2']],
    [
      'every filter at once',
      () => `targetType=${tok}&targetId=t2&actorId=${actorB}&action=${tok}.two&from=2021-01-01T00:00:00Z&to=2021-01-05T00:00:00Z`,
      ['a2'],
    ],
  ])('filters by %s', async (_name, query, keys) => {
    const res = await audit(query());
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expected(...keys));
    expect(res.body.total).toBe(keys.length);
  });

  it('pages with nextCursor through every match exactly once, across a createdAt tie', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await audit(`targetType=${tok}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.body.total).toBe(4);
      expect(res.body.items).toHaveLength(1);
      seen.push(...idsOf(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected('a4', 'a3', 'a2', 'a1'));
  });

  it('refuses a forged cursor and an unbounded page', async () => {
    expect((await audit('cursor=abc')).status).toBe(400);
    expect((await audit('limit=1000')).status).toBe(400);
  });

  it('answers 403 to a role without audit:read', async () => {
    const res = await audit(`targetType=${tok}`, moderator.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});

describe('PUT /admin/features/{feature}', () => {
  const newFlag = async () => {
    const key = `adm.${hex()}`;
    await db.query('INSERT INTO feature_flags (`key`, enabled, description) VALUES (?, 0, ?)', [key, 'test flag']);
    return key;
  };
  const put = (key: string, body: unknown, token = admin.token) => api.request('PUT', `/api/v1/admin/features/${key}`, { token, body });

  it('switches a flag at the expected version; GET /features shows it at once; the change is audited', async () => {
    const key = await newFlag();
    const res = await put(key, { enabled: true, description: 'Now on', expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ key, enabled: true, description: 'Now on', version: 2, updatedAt: expect.any(String) });
    expect((await api.request('GET', `/api/v1/features/${key}`)).body).toEqual(res.body);
    expect((await api.request('GET', '/api/v1/features')).body.items).toContainEqual(res.body);

    const entries = await api.request('GET', `/api/v1/admin/audit?targetType=feature&targetId=${key}`, { token: admin.token });
    expect(entries.body.items).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'feature.updated',
        before: { enabled: false, description: 'test flag', version: 1 },
        after: { enabled: true, description: 'Now on', version: 2 },
      }),
    ]);
  });

  it('keeps the description when none is given', async () => {
    const key = await newFlag();
    expect((await put(key, { enabled: true, expectedVersion: 1 })).body).toMatchObject({ enabled: true, description: 'test flag' });
  });

  it('answers 409 with the current version to a stale write, changing nothing and auditing nothing', async () => {
    const key = await newFlag();
    await put(key, { enabled: true, expectedVersion: 1 });
    const res = await put(key, { enabled: false, expectedVersion: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await api.request('GET', `/api/v1/features/${key}`)).body.enabled).toBe(true);
    const entries = await api.request('GET', `/api/v1/admin/audit?targetType=feature&targetId=${key}`, { token: admin.token });
    expect(entries.body.total).toBe(1);
  });

  it('answers 404 for an unknown flag, 400 without `enabled`, 403 without platform:configure', async () => {
    expect((await put(`adm.${hex()}`, { enabled: true, expectedVersion: 1 })).status).toBe(404);
    const key = await newFlag();
    expect((await put(key, { expectedVersion: 1 })).status).toBe(400);
    expect((await put(key, { enabled: true, expectedVersion: 1 }, moderator.token)).status).toBe(403);
    expect((await api.request('GET', `/api/v1/features/${key}`)).body).toMatchObject({ enabled: false, version: 1 });
  });
});

describe('/admin/config', () => {
  const newEntry = async (value: unknown = 1) => {
    const key = `adm.cfg.${hex()}`;
    await db.query('INSERT INTO config_entries (`key`, value, is_public, description) VALUES (?, ?, 0, ?)', [key, JSON.stringify(value), 'test entry']);
    return key;
  };
  const put = (key: string, body: unknown, token = admin.token) => api.request('PUT', `/api/v1/admin/config/${key}`, { token, body });

  it('lists every entry, private ones included, as one page', async () => {
    const key = await newEntry({ a: 1 });
    const res = await api.request('GET', '/api/v1/admin/config', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual(expect.objectContaining({ key: 'moderation.autoHideReportThreshold', value: 5, isPublic: false }));
    expect(res.body.items).toContainEqual(expect.objectContaining({ key, value: { a: 1 }, isPublic: false, description: 'test entry', version: 1 }));
    expect(res.body).toMatchObject({ total: res.body.items.length, nextCursor: null });
    expect((await api.request('GET', '/api/v1/admin/config', { token: moderator.token })).status).toBe(403);
  });

  it('changes value and visibility at the expected version, audited; a public entry shows in GET /config', async () => {
    const key = await newEntry(1);
    const res = await put(key, { value: { nested: [1, 'two', null] }, isPublic: true, expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      key,
      value: { nested: [1, 'two', null] },
      isPublic: true,
      description: 'test entry',
      version: 2,
      updatedAt: expect.any(String),
    });
    expect((await api.request('GET', '/api/v1/config')).body.values[key]).toEqual({ nested: [1, 'two', null] });
    const entries = await api.request('GET', `/api/v1/admin/audit?targetType=config&targetId=${key}`, { token: admin.token });
    expect(entries.body.items).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'config.updated',
        before: expect.objectContaining({ value: 1, isPublic: false }),
        after: expect.objectContaining({ value: { nested: [1, 'two', null] }, isPublic: true }),
      }),
    ]);
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 2.5],
    ['false', false],
    ['the JSON value null', null],
    ['an array', [1, 2]],
  ])('stores %s', async (_name, value) => {
    const key = await newEntry(1);
    expect((await put(key, { value, expectedVersion: 1 })).body.value).toEqual(value);
    const listed = await api.request('GET', '/api/v1/admin/config', { token: admin.token });
    expect(listed.body.items.find((e: { key: string }) => e.key === key).value).toEqual(value);
  });

  it('answers 409 to a stale write, 404 for an unknown key, 400 without a value, 403 without platform:configure', async () => {
    const key = await newEntry(1);
    await put(key, { value: 2, expectedVersion: 1 });
    const stale = await put(key, { value: 3, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(2);
    expect((await put(`adm.cfg.${hex()}`, { value: 1, expectedVersion: 1 })).status).toBe(404);
    expect((await put(key, { expectedVersion: 2 })).status).toBe(400);
    expect((await put(key, { value: 9, expectedVersion: 2 }, moderator.token)).status).toBe(403);
    const listed = await api.request('GET', '/api/v1/admin/config', { token: admin.token });
    expect(listed.body.items.find((e: { key: string }) => e.key === key)).toMatchObject({ value: 2, version: 2 });
  });
});
