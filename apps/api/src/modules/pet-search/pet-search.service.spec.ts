import { ValidationFailedError } from '@app/common';
import type { PetSort, SearchPetsQuery } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { PetSearchRepository } from './pet-search.repository';
import { PetSearchService } from './pet-search.service';
import type { PetSummaryRow, SearchCriteria, SearchPosition } from './pet-search.sql';
import type { SearchTotalCache } from './search-total.cache';

const now = new Date('2026-11-22T12:00:00.000Z');
const row = (i: number): PetSummaryRow => ({
  id: `01937c2e-8a4b-7c3d-9e8f-${String(i).padStart(12, '0')}`,
  name: `Pet ${i}`,
  species: 'dog',
  primary_breed: 'Beagle',
  birth_date_estimate: new Date('2025-06-15T00:00:00Z'), // 17 months old on `now`: young
  sex: 'female',
  size: 'medium',
  featured: 0,
  adoption_fee: '150.00',
  listing_status: 'published',
  availability: 'available',
  published_at: new Date(Date.UTC(2026, 10, 1) - i * 60_000),
  city: 'York',
  region: 'Yorkshire and the Humber',
  rescue_id: null,
});

/** An in-memory repository over `count` rows sorted newest first; records what it was asked. */
class FakeRepository extends PetSearchRepository {
  counts = 0;
  pages: Array<{ criteria: SearchCriteria; sort: PetSort; after: SearchPosition | null; limit: number }> = [];
  constructor(private readonly rows: PetSummaryRow[]) {
    super();
  }
  async findPage(criteria: SearchCriteria, sort: PetSort, after: SearchPosition | null, limit: number) {
    this.pages.push({ criteria, sort, after, limit });
    const start = after ? this.rows.findIndex((r) => r.id === after.id) + 1 : 0;
    return this.rows.slice(start, start + limit + 1);
  }
  async countUpTo(_criteria: SearchCriteria, cap: number) {
    this.counts++;
    return Math.min(this.rows.length, cap + 1);
  }
}

class FakeTotals {
  store = new Map<string, number>();
  async get(filters: unknown) {
    return this.store.get(JSON.stringify(filters)) ?? null;
  }
  async set(filters: unknown, total: number) {
    this.store.set(JSON.stringify(filters), total);
  }
}

function setUp(count: number) {
  const repository = new FakeRepository(Array.from({ length: count }, (_, i) => row(i)));
  const totals = new FakeTotals();
  const service = new PetSearchService(repository, totals as unknown as SearchTotalCache);
  return { repository, totals, service };
}

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationFailedError);
  return ((error as ValidationFailedError).details.fields as Array<{ field: string }>).map((f) => f.field);
};

describe('PetSearchService', () => {
  it('pages with an opaque cursor that carries the first page total, so later pages never count again', async () => {
    const { service, repository } = setUp(45);
    const first = await service.search({ species: ['dog'] }, now);
    expect(first.items.map((i) => i.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Pet ${i}`));
    expect(first.total).toBe(45);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await service.search({ species: ['dog'], cursor: first.nextCursor! }, now);
    const third = await service.search({ species: ['dog'], cursor: second.nextCursor! }, now);
    expect([...first.items, ...second.items, ...third.items].map((i) => i.name)).toEqual(Array.from({ length: 45 }, (_, i) => `Pet ${i}`));
    expect(third.nextCursor).toBeNull();
    expect([second.total, third.total]).toEqual([45, 45]);
    expect(repository.counts).toBe(1);
  });

  it('caps the total at 10,000 and reuses a cached total', async () => {
    const { service, repository, totals } = setUp(12_000);
    expect((await service.search({}, now)).total).toBe(10_000);
    expect(repository.counts).toBe(1);
    expect((await service.search({}, now)).total).toBe(10_000);
    expect(repository.counts).toBe(1);
    expect([...totals.store.values()]).toEqual([10_000]);
    // another filter set is another count
    await service.search({ size: ['small'] }, now);
    expect(repository.counts).toBe(2);
  });

  it('counts once for a burst of identical first pages', async () => {
    const { service, repository } = setUp(50);
    await Promise.all(Array.from({ length: 10 }, () => service.search({ city: 'York' }, now)));
    expect(repository.counts).toBe(1);
  });

  it('maps rows to summaries with the age group of today and a distance only around a point', async () => {
    const { service } = setUp(1);
    const [item] = (await service.search({}, now)).items;
    expect(item).toEqual({
      id: row(0).id,
      name: 'Pet 0',
      species: 'dog',
      primaryBreed: 'Beagle',
      ageGroup: 'young',
      sex: 'female',
      size: 'medium',
      featured: false,
      adoptionFee: 150,
      listingStatus: 'published',
      availability: 'available',
      publishedAt: '2026-11-01T00:00:00.000Z',
      city: 'York',
      region: 'Yorkshire and the Humber',
      rescueId: null,
      distanceKm: null,
    });
  });

  it.each<[string, SearchPetsQuery, string[]]>([
    ['distance without a point', { sort: 'distance' }, ['sort']],
    ['lat without lng', { lat: 51.5 }, ['lng']],
    ['lng without lat', { lng: -0.1 }, ['lat']],
    ['a radius without a point', { radiusKm: 5 }, ['radiusKm']],
    ['publishedBefore not after publishedAfter', { publishedAfter: '2026-01-02T00:00:00Z', publishedBefore: '2026-01-01T00:00:00Z' }, ['publishedBefore']],
  ])('refuses %s', async (_what, query, fields) => {
    const { service, repository } = setUp(5);
    expect(await fieldsOf(service.search(query, now))).toEqual(fields);
    expect(repository.pages).toHaveLength(0);
  });

  it('refuses a cursor from another sort or other filters, and a forged one', async () => {
    const { service } = setUp(30);
    const { nextCursor } = await service.search({ species: ['dog'] }, now);
    expect(await fieldsOf(service.search({ species: ['dog'], sort: 'oldest', cursor: nextCursor! }, now))).toEqual(['cursor']);
    expect(await fieldsOf(service.search({ species: ['cat'], cursor: nextCursor! }, now))).toEqual(['cursor']);
    expect(await fieldsOf(service.search({ species: ['dog'], cursor: `${nextCursor}x` }, now))).toEqual(['cursor']);
  });

  it('keeps a cursor valid when only the order of filter values changes', async () => {
    const { service } = setUp(30);
    const { nextCursor } = await service.search({ species: ['dog', 'cat'], size: ['small', 'large'] }, now);
    await expect(service.search({ species: ['cat', 'dog'], size: ['large', 'small'], cursor: nextCursor! }, now)).resolves.toMatchObject({ total: 30 });
  });

  it('answers an empty page, without a query, for text with no searchable word', async () => {
    const { service, repository } = setUp(5);
    expect(await service.search({ q: 'is a' }, now)).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(repository.pages).toHaveLength(0);
  });

  it('searches around a point with the default radius of 50 km', async () => {
    const { service, repository } = setUp(5);
    await service.search({ lat: 51.5, lng: -0.12, sort: 'distance', limit: 7 }, now);
    expect(repository.pages[0]).toMatchObject({ sort: 'distance', limit: 7, criteria: { near: { lat: 51.5, lng: -0.12, radiusKm: 50 } } });
  });
});
