// GET /pets against a small generated catalog (300 pets from the benchmark seeder, in a database of this file's
// own so other suites' pets cannot change the answers). Every expectation is computed in JS from the generated
// rows, and every search is read to its last page: the concatenation of the pages must be exactly the
// expected ids in the expected order.
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '@app/database';
import type { AgeGroup } from '@app/contracts';
import { ageGroupOf } from '../../apps/api/src/modules/pets/age-group';
import { haversineKm } from '../../apps/api/src/modules/pet-search/geo-cell';
import { generatePets, planCatalog, type PetRow } from '../../apps/api/src/seed/catalog-generator';
import { seed } from '../../apps/api/src/seed/seed';
import { startApi, type ApiResponse, type TestApi } from '../support/api';
import { testServices } from '../support/test-env';

const database = `${inject('testDatabase')}_search`;
const server = {
  DB_ENGINE: testServices.dbEngine,
  DB_HOST: testServices.dbHost,
  DB_PORT: testServices.dbPort,
  DB_USER: testServices.dbUser,
  DB_PASSWORD: testServices.dbPassword,
};
const today = new Date();
const generator = { pets: 300, seed: 20261122, today };
const LONDON = { lat: 51.5074, lng: -0.1278 };

interface Pet {
  id: string;
  name: string;
  species: string;
  primaryBreed: string;
  secondaryBreed: string | null;
  ageGroup: AgeGroup;
  sex: string;
  size: string;
  goodWithChildren: boolean | null;
  goodWithDogs: boolean | null;
  goodWithCats: boolean | null;
  houseTrained: boolean;
  specialNeeds: boolean;
  featured: boolean;
  availability: string;
  rescueId: string | null;
  city: string;
  lat: number | null;
  lng: number | null;
  publishedAt: string | null;
  listed: boolean; // published and not deleted
  words: string[]; // the full-text tokens of name, breeds and description
}

const flag = (v: PetRow[keyof PetRow]) => (v === null ? null : v === 1);
const isoOf = (sql: string) => `${sql.replace(' ', 'T')}Z`;

function toPet(row: PetRow): Pet {
  return {
    id: String(row.id),
    name: String(row.name),
    species: String(row.species),
    primaryBreed: String(row.primary_breed),
    secondaryBreed: row.secondary_breed === null ? null : String(row.secondary_breed),
    ageGroup: ageGroupOf(new Date(`${row.birth_date_estimate}T00:00:00Z`), today),
    sex: String(row.sex),
    size: String(row.size),
    goodWithChildren: flag(row.good_with_children),
    goodWithDogs: flag(row.good_with_dogs),
    goodWithCats: flag(row.good_with_cats),
    houseTrained: row.house_trained === 1,
    specialNeeds: row.special_needs === 1,
    featured: row.featured === 1,
    availability: String(row.availability),
    rescueId: row.rescue_id === null ? null : String(row.rescue_id),
    city: String(row.city),
    lat: row.latitude === null ? null : Number(row.latitude),
    lng: row.longitude === null ? null : Number(row.longitude),
    publishedAt: row.published_at === null ? null : isoOf(String(row.published_at)),
    listed: row.listing_status === 'published' && row.deleted_at === null,
    words: [row.name, row.primary_breed, row.secondary_breed ?? '', row.description]
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean),
  };
}

/** Whole metres, as the SQL rounds them (ties then go by id). */
const metresFrom = (point: { lat: number; lng: number }, pet: Pet) => Math.round(haversineKm(point.lat, point.lng, pet.lat!, pet.lng!) * 1000);
const byNewest = (a: Pet, b: Pet) => (a.publishedAt! < b.publishedAt! ? 1 : a.publishedAt! > b.publishedAt! ? -1 : a.id < b.id ? 1 : -1);
const byOldest = (a: Pet, b: Pet) => -byNewest(a, b);
const byName = (a: Pet, b: Pet) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : 1);
const byDistanceFrom = (point: { lat: number; lng: number }) => (a: Pet, b: Pet) => metresFrom(point, a) - metresFrom(point, b) || (a.id < b.id ? -1 : 1);

describe('public pet search (GET /pets)', () => {
  let api: TestApi;
  let pets: Pet[];
  let listed: Pet[];

  beforeAll(async () => {
    await seed({ pets: generator.pets, database, seed: generator.seed, batch: 100, today }, { server, log: () => undefined });
    const rows = [...generatePets(generator, planCatalog(generator))];
    // Make sure the catalog has deleted pets where searches look: the three newest listed London pets.
    const db = await createDataSource({ ...server, DB_NAME: database, DB_POOL_SIZE: 1 });
    const londonListed = rows.filter((r) => r.city === 'London' && r.listing_status === 'published' && r.deleted_at === null && r.latitude !== null);
    const toDelete = londonListed.sort((a, b) => String(b.published_at).localeCompare(String(a.published_at))).slice(0, 3);
    for (const row of toDelete) row.deleted_at = '2026-01-01 00:00:00.000';
    await db.query(
      `UPDATE pets SET deleted_at = '2026-01-01 00:00:00.000' WHERE id IN (${toDelete.map(() => '?').join(', ')})`,
      toDelete.map((r) => r.id),
    );
    await db.destroy();

    pets = rows.map(toPet);
    listed = pets.filter((p) => p.listed);
    // Our own Redis prefix too: cached totals of other suites' searches must not answer ours.
    api = await startApi({ DB_NAME: database, REDIS_PREFIX: `${inject('testRedisPrefix')}-search` });
  });

  afterAll(async () => {
    await api?.close();
    const admin = await createDataSource({ ...server, DB_NAME: 'information_schema', DB_POOL_SIZE: 1 });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.destroy();
  });

  /** Every page of a search, in order; checks the total on each page and that the last page says so. */
  async function readAll(query: string, expectedTotal: number) {
    const items: Array<{ id: string; distanceKm: number | null; ageGroup: string; publishedAt: string }> = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: ApiResponse = await api.request('GET', `/api/v1/pets?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.total).toBe(expectedTotal);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor === null) return items;
    }
    throw new Error('more than 100 pages');
  }

  async function expectSearch(query: string, expected: Pet[], pageSize: number) {
    expect(expected.length, `the data must exercise ${query}`).toBeGreaterThan(pageSize);
    const items = await readAll(`${query}&limit=${pageSize}`, expected.length);
    expect(items.map((i) => i.id)).toEqual(expected.map((p) => p.id));
    return items;
  }

  it('has a catalog that exercises the filters: unlisted, deleted and London pets among them', () => {
    expect(pets).toHaveLength(300);
    expect(pets.filter((p) => !p.listed).length).toBeGreaterThan(30);
    expect(listed.filter((p) => p.city === 'London').length).toBeGreaterThan(50);
  });

  it('lists only published, not deleted pets, newest first by default', async () => {
    const items = await expectSearch('sort=newest', [...listed].sort(byNewest), 50);
    const unlisted = new Set(pets.filter((p) => !p.listed).map((p) => p.id));
    expect(items.some((i) => unlisted.has(i.id))).toBe(false);
    const defaults = await readAll('limit=100', listed.length);
    expect(defaults.map((i) => i.id)).toEqual([...listed].sort(byNewest).map((p) => p.id));
  });

  it('filters by several species and sizes and a good-with flag, oldest first', async () => {
    const expected = listed.filter((p) => ['dog', 'cat'].includes(p.species) && ['medium', 'large'].includes(p.size) && p.goodWithChildren === true);
    await expectSearch('species=dog&species=cat&size=medium,large&goodWithChildren=true&sort=oldest', expected.sort(byOldest), 7);
  });

  it('matches a breed as the primary or the secondary breed, sorted by name', async () => {
    const counts = new Map<string, number>();
    for (const p of listed) if (p.secondaryBreed) counts.set(p.secondaryBreed, (counts.get(p.secondaryBreed) ?? 0) + 1);
    const [breedA] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const breedB = listed.find((p) => p.species === 'cat')!.primaryBreed;
    const expected = listed.filter((p) => [breedA, breedB].includes(p.primaryBreed) || [breedA, breedB].includes(p.secondaryBreed ?? ''));
    expect(expected.some((p) => p.secondaryBreed === breedA && p.primaryBreed !== breedA)).toBe(true);
    await expectSearch(`breed=${encodeURIComponent(breedA)}&breed=${encodeURIComponent(breedB)}&sort=name`, expected.sort(byName), 3);
  });

  it('filters age groups (from the stored birth date), sex and availability', async () => {
    const expected = listed.filter((p) => ['baby', 'senior'].includes(p.ageGroup) && p.sex === 'female' && ['available', 'on_hold'].includes(p.availability));
    const items = await expectSearch('ageGroup=baby,senior&sex=female&availability=available&availability=on_hold', expected.sort(byNewest), 4);
    expect(new Set(items.map((i) => i.ageGroup))).toEqual(new Set(expected.map((p) => p.ageGroup)));
  });

  it('filters by city, a published window and house training', async () => {
    const sorted = listed.filter((p) => p.city === 'London').sort(byOldest);
    const from = sorted[5].publishedAt!;
    const before = sorted[sorted.length - 5].publishedAt!;
    const expected = sorted.filter((p) => p.publishedAt! >= from && p.publishedAt! < before && !p.specialNeeds);
    await expectSearch(`city=London&publishedAfter=${from}&publishedBefore=${before}&specialNeeds=false`, expected.sort(byNewest), 9);
  });

  it('filters by rescue and by flags about other animals', async () => {
    const rescueCounts = new Map<string, number>();
    for (const p of listed) if (p.rescueId) rescueCounts.set(p.rescueId, (rescueCounts.get(p.rescueId) ?? 0) + 1);
    const [rescueId] = [...rescueCounts.entries()].sort((a, b) => b[1] - a[1])[0];
    await expectSearch(`rescueId=${rescueId}&sort=name`, listed.filter((p) => p.rescueId === rescueId).sort(byName), 4);
    const expected = listed.filter((p) => p.goodWithDogs === true && p.goodWithCats === true && p.houseTrained);
    await expectSearch('goodWithDogs=true&goodWithCats=true&houseTrained=true', expected.sort(byNewest), 6);
  });

  it('sorts by distance within the radius, nearest first, with the distance of each pet', async () => {
    const point = { lat: LONDON.lat + 0.01, lng: LONDON.lng - 0.02 };
    const expected = listed.filter((p) => p.lat !== null && metresFrom(point, p) <= 12_000).sort(byDistanceFrom(point));
    expect(pets.some((p) => !p.listed && p.lat !== null && metresFrom(point, p) <= 12_000)).toBe(true);
    const items = await expectSearch(`lat=${point.lat}&lng=${point.lng}&radiusKm=12&sort=distance`, expected, 6);
    expect(items.map((i) => i.distanceKm)).toEqual(expected.map((p) => metresFrom(point, p) / 1000));
  });

  it('combines a radius with other filters under another sort', async () => {
    const expected = listed.filter((p) => p.lat !== null && metresFrom(LONDON, p) <= 20_000 && p.species === 'dog');
    const items = await expectSearch(`lat=${LONDON.lat}&lng=${LONDON.lng}&radiusKm=20&species=dog&sort=name`, expected.sort(byName), 5);
    expect(items.every((i) => typeof i.distanceKm === 'number' && i.distanceKm <= 20)).toBe(true);
  });

  it('finds every word of q as a word prefix in the name, breeds or description', async () => {
    const matches = (...words: string[]) => listed.filter((p) => words.every((w) => p.words.some((token) => token.startsWith(w))));
    await expectSearch('q=garden%20lov', matches('garden', 'lov').sort(byNewest), 8);
    const nameCounts = new Map<string, number>();
    for (const p of listed) nameCounts.set(p.name, (nameCounts.get(p.name) ?? 0) + 1);
    const [name] = [...nameCounts.entries()].sort((a, b) => b[1] - a[1])[0];
    await expectSearch(`q=${encodeURIComponent(`"${name}" -(`)}&sort=name`, matches(name.toLowerCase()).sort(byName), 1);
  });

  it('answers an empty page for text that holds no searchable word', async () => {
    const res = await api.request('GET', '/api/v1/pets?q=is%20a');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('pages with the default size of 20 and accepts 1 and 100', async () => {
    expect((await api.request('GET', '/api/v1/pets')).body.items).toHaveLength(20);
    expect((await api.request('GET', '/api/v1/pets?limit=1')).body.items).toHaveLength(1);
    expect((await api.request('GET', '/api/v1/pets?limit=100')).body.items).toHaveLength(100);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['sort=distance', 'sort'],
    ['lat=51.5', 'lng'],
    ['radiusKm=5', 'radiusKm'],
    ['species=dragon', 'species'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('answers 400 VALIDATION_FAILED for %s', async (query, field) => {
    const res = await api.request('GET', `/api/v1/pets?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a cursor from another sort or other filters', async () => {
    const first = await api.request('GET', '/api/v1/pets?species=dog&limit=5');
    const cursor = first.body.nextCursor as string;
    for (const query of [`species=dog&sort=oldest&cursor=${cursor}`, `species=dog&sort=name&cursor=${cursor}`, `species=cat&cursor=${cursor}`]) {
      const res = await api.request('GET', `/api/v1/pets?${query}&limit=5`);
      expect(res.status, query).toBe(400);
      expect(res.body.details.fields[0].field).toBe('cursor');
    }
    const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(cursor, 'base64url').toString()), i: "x' OR 1=1 -- " })).toString('base64url');
    expect((await api.request('GET', `/api/v1/pets?species=dog&limit=5&cursor=${tampered}`)).status).toBe(400);
  });
});
