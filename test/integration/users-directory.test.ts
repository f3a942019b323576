// GET /users (the admin directory: filters, keyset pages, total) and GET /users/{id} (self or users:read).
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Role, UserStatus } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { createUser, type TestUser } from '../support/identity';

let api: TestApi;
let db: DataSource;
let admin: TestUser;
let moderator: TestUser;

// Every row of this file carries a token of its own in its name or e-mail, so that `q` isolates them from the
// users other test files create in the same database at the same time.
const tok = `dir${randomBytes(4).toString('hex')}`;
const people: Record<string, TestUser> = {};

async function person(key: string, role: Role, status: UserStatus, createdAt: string, name = `${tok} ${key}`, email?: string): Promise<void> {
  const user = await createUser(api, { role, status, name, email: email ?? `${key}-${tok}@example.org` });
  await db.query('UPDATE users SET created_at = ? WHERE id = ?', [new Date(createdAt), user.id]);
  people[key] = user;
}

const ids = (...keys: string[]) => keys.map((k) => people[k].id);
const list = (query: string, token = admin.token) => api.request('GET', `/api/v1/users?${query}`, { token });

beforeAll(async () => {
  api = await startApi();
  db = api.app.get<DataSource>(getDataSourceToken());
  admin = await createUser(api, { role: 'admin' });
  moderator = await createUser(api, { role: 'moderator' });
  // `eve` and `fay` share a createdAt; fay is created later, so her id (UUIDv7) is the greater and comes first.
  await person('ann', 'adopter', 'active', '2020-01-01T00:00:00.000Z');
  await person('bob', 'rehomer', 'active', '2020-01-02T00:00:00.000Z');
  await person('cat', 'moderator', 'deactivated', '2020-01-03T00:00:00.000Z');
  await person('dan', 'adopter', 'pending_deletion', '2020-01-04T00:00:00.000Z');
  await person('eve', 'admin', 'active', '2020-01-05T00:00:00.000Z');
  await new Promise((resolve) => setTimeout(resolve, 2)); // a later millisecond, so a greater UUIDv7
  await person('fay', 'adopter', 'active', '2020-01-05T00:00:00.000Z');
  if (!(people.fay.id > people.eve.id)) throw new Error('fay must have the greater id');
  // Matches `q` by e-mail only.
  await person('zed', 'rescue_staff', 'active', '2020-01-06T00:00:00.000Z', 'Zed Without Token', `zed-${tok}@example.org`);
});
afterAll(() => api.close());

describe('GET /users filters', () => {
  it('matches q in the name or the e-mail, case-insensitively, newest first with ties broken by id', async () => {
    const res = await list(`q=${tok.toUpperCase()}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual(ids('zed', 'fay', 'eve', 'dan', 'cat', 'bob', 'ann'));
    expect(res.body).toMatchObject({ total: 7, nextCursor: null });
    expect(res.body.items[0]).toMatchObject({
      email: `zed-${tok}@example.org`,
      role: 'rescue_staff',
      status: 'active',
      emailVerified: true,
      twoFactorEnabled: false,
    });
  });

  it('filters by one or more roles, repeated or comma-separated', async () => {
    for (const query of [`q=${tok}&role=adopter&role=admin`, `q=${tok}&role=adopter,admin`]) {
      const res = await list(query);
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).toEqual(ids('fay', 'eve', 'dan', 'ann'));
      expect(res.body.total).toBe(4);
    }
  });

  it('filters by status', async () => {
    const res = await list(`q=${tok}&status=deactivated,pending_deletion`);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual(ids('dan', 'cat'));
    expect(res.body.total).toBe(2);
  });

  it('filters by creation time: createdFrom inclusive, createdTo exclusive', async () => {
    const res = await list(`q=${tok}&createdFrom=2020-01-02T00:00:00.000Z&createdTo=2020-01-05T00:00:00.000Z`);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual(ids('dan', 'cat', 'bob'));
    expect(res.body.total).toBe(3);
  });

  it('combines every filter', async () => {
    const res = await list(`q=${tok}&role=adopter&status=active&createdFrom=2020-01-01T00:00:01Z&createdTo=2020-01-06T00:00:00Z`);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual(ids('fay'));
    expect(res.body.total).toBe(1);
  });

  it('takes q literally: % and _ are not wildcards', async () => {
    const esc = `esc${randomBytes(4).toString('hex')}`;
    const percent = await createUser(api, { name: `Pat ${esc}%x` });
    await createUser(api, { name: `Pat ${esc}1x` });
    const underscore = await createUser(api, { name: `Pat ${esc}_y` });
    await createUser(api, { name: `Pat ${esc}zy` });
    const byPercent = await list(`q=${encodeURIComponent(`${esc}%x`)}`);
    expect(byPercent.body.items.map((u: { id: string }) => u.id)).toEqual([percent.id]);
    const byUnderscore = await list(`q=${encodeURIComponent(`${esc}_y`)}`);
    expect(byUnderscore.body.items.map((u: { id: string }) => u.id)).toEqual([underscore.id]);
  });
});

describe('GET /users pages', () => {
  it('walks every match exactly once with nextCursor, across a createdAt tie at a page boundary', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`q=${tok}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(7);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      pages.push(res.body.items.length);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([2, 2, 2, 1]);
    expect(seen).toEqual(ids('zed', 'fay', 'eve', 'dan', 'cat', 'bob', 'ann'));
  });

  it('keeps the filters on later pages', async () => {
    const first = await list(`q=${tok}&role=adopter&limit=2`);
    expect(first.body.items.map((u: { id: string }) => u.id)).toEqual(ids('fay', 'dan'));
    const second = await list(`q=${tok}&role=adopter&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((u: { id: string }) => u.id)).toEqual(ids('ann'));
    expect(second.body.nextCursor).toBeNull();
  });

  it('defaults to 20 per page', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(Math.min(20, res.body.total));
    if (res.body.total > 20) expect(res.body.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['role=wizard', 'role'],
    ['status=gone', 'status'],
    ['createdFrom=yesterday', 'createdFrom'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', "1' OR '1'='1"])).toString('base64url')}`, 'cursor'],
  ])('refuses %s with VALIDATION_FAILED naming the parameter', async (query, field) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('GET /users access', () => {
  it('is open to moderators (users:list) and 403 to roles without it', async () => {
    expect((await list(`q=${tok}`, moderator.token)).body.total).toBe(7);
    for (const role of ['adopter', 'rescue_admin'] as const) {
      const caller = await createUser(api, { role });
      const res = await list(`q=${tok}`, caller.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('GET /users/{userId}', () => {
  it('shows users their own record', async () => {
    const res = await api.request('GET', `/api/v1/users/${people.ann.id}`, { token: people.ann.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: people.ann.id, email: people.ann.email, name: `${tok} ann`, role: 'adopter', status: 'active', version: 1 });
  });

  it("answers 404 for another user's record, exactly as for an unknown id", async () => {
    const other = await api.request('GET', `/api/v1/users/${people.bob.id}`, { token: people.ann.token });
    const unknown = await api.request('GET', '/api/v1/users/00000000-0000-7000-8000-000000000000', { token: people.ann.token });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.body.code).toBe(unknown.body.code);
    expect(other.body.message.replace(people.bob.id, 'ID')).toBe(unknown.body.message.replace('00000000-0000-7000-8000-000000000000', 'ID'));
  });

  it('shows anyone to moderators and admins (users:read)', async () => {
    for (const caller of [moderator, admin]) {
      const res = await api.request('GET', `/api/v1/users/${people.cat.id}`, { token: caller.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: people.cat.id, status: 'deactivated', role: 'moderator' });
    }
  });

  it('refuses a malformed id', async () => {
    const res = await api.request('GET', '/api/v1/users/not-an-id', { token: admin.token });
    expect(res.status).toBe(400);
  });
});
