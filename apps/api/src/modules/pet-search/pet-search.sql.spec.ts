import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../seed/catalog-generator';
import { buildCountQuery, buildPageQuery, cappedTotal, FIRST_RING_KM, indexFor, searchRings, TOTAL_CAP, type SearchCriteria } from './pet-search.sql';

const none: SearchCriteria = {
  species: [],
  breeds: [],
  birthDateRanges: [],
  sizes: [],
  sexes: [],
  goodWithChildren: null,
  goodWithDogs: null,
  goodWithCats: null,
  houseTrained: null,
  specialNeeds: null,
  featured: null,
  availability: [],
  rescueId: null,
  city: null,
  publishedFrom: null,
  publishedBefore: null,
  near: null,
  text: null,
};
const id = '01937c2e-8a4b-7c3d-9e8f-0123456789ab';
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('the capped total', () => {
  it('counts no further than one row past the cap', () => {
    const query = buildCountQuery({ ...none, species: ['dog'] });
    expect(query.sql).toMatch(/^SELECT COUNT\(\*\) AS total FROM \(\s+SELECT 1 FROM pets p[^]*LIMIT \?\s+\) capped$/);
    expect(query.params.at(-1)).toBe(TOTAL_CAP + 1);
    expect(placeholders(query.sql)).toBe(query.params.length);
  });

  it('is exact up to 10,000 and 10,000 beyond', () => {
    expect(TOTAL_CAP).toBe(10_000);
    expect(cappedTotal(0)).toBe(0);
    expect(cappedTotal(9_999)).toBe(9_999);
    expect(cappedTotal(10_000)).toBe(10_000);
    expect(cappedTotal(10_001)).toBe(10_000);
    expect(cappedTotal('10001')).toBe(10_000);
  });
});

describe('the page query', () => {
  it('always restricts to published, not deleted pets', () => {
    for (const sort of ['newest', 'oldest', 'name'] as const) {
      expect(buildPageQuery(none, sort, null, 21).sql).toContain("p.listing_status = 'published' AND p.deleted_at IS NULL");
    }
    expect(buildCountQuery(none).sql).toContain("p.listing_status = 'published' AND p.deleted_at IS NULL");
  });

  it('orders by the sort key then id, and continues strictly after the cursor', () => {
    const newest = buildPageQuery(none, 'newest', { key: '2026-01-02T03:04:05.678Z', id }, 21);
    expect(newest.sql).toMatch(/ORDER BY p\.published_at DESC, p\.id DESC\nLIMIT \?$/);
    expect(newest.sql).toContain('(p.published_at < ? OR (p.published_at = ? AND p.id < ?))');
    expect(newest.params.slice(-4)).toEqual(['2026-01-02 03:04:05.678', '2026-01-02 03:04:05.678', id, 21]);

    const oldest = buildPageQuery(none, 'oldest', { key: '2026-01-02T03:04:05.678Z', id }, 5);
    expect(oldest.sql).toMatch(/ORDER BY p\.published_at ASC, p\.id ASC\nLIMIT \?$/);
    expect(oldest.sql).toContain('(p.published_at > ? OR (p.published_at = ? AND p.id > ?))');

    const name = buildPageQuery(none, 'name', { key: 'Bella', id }, 5);
    expect(name.sql).toMatch(/ORDER BY p\.name ASC, p\.id ASC\nLIMIT \?$/);
    expect(name.params.slice(-4)).toEqual(['Bella', 'Bella', id, 5]);
  });

  it('sends every value as a parameter, never inside the SQL', () => {
    const hostile = "x' OR '1'='1";
    const query = buildPageQuery(
      { ...none, breeds: [hostile], city: hostile, rescueId: hostile, text: '+hostile*', species: ['dog', 'cat'], availability: ['available'] },
      'name',
      { key: hostile, id },
      21,
    );
    expect(query.sql).not.toContain(hostile);
    expect(query.params.filter((p) => p === hostile)).toHaveLength(6); // breed (primary and secondary), city, rescue, cursor name twice
    expect(placeholders(query.sql)).toBe(query.params.length);
  });

  it('matches a breed as the primary or the secondary breed', () => {
    const query = buildPageQuery({ ...none, breeds: ['Beagle', 'Whippet'] }, 'newest', null, 21);
    expect(query.sql).toContain('(p.primary_breed IN (?, ?) OR p.secondary_breed IN (?, ?))');
  });

  it('filters age groups on the stored birth date, any of several ranges', () => {
    const query = buildPageQuery(
      {
        ...none,
        birthDateRanges: [
          { after: '2026-05-22', onOrBefore: '2026-11-22' },
          { after: null, onOrBefore: '2018-11-22' },
        ],
      },
      'newest',
      null,
      21,
    );
    expect(query.sql).toContain('((p.birth_date_estimate > ? AND p.birth_date_estimate <= ?) OR (p.birth_date_estimate <= ?))');
    expect(query.params.slice(0, 3)).toEqual(['2026-05-22', '2026-11-22', '2018-11-22']);
  });

  it('narrows a radius search by geo cell ranges on the bare column, then checks the exact distance', () => {
    const query = buildPageQuery({ ...none, near: { lat: 51.5074, lng: -0.1278, radiusKm: 25 } }, 'distance', { key: 1500, id }, 21, 3);
    expect(query.sql).toContain('FORCE INDEX (idx_pets_search_geo)');
    expect(query.sql).toMatch(/\(p\.geo_cell (BETWEEN \? AND \?|= \?)( OR p\.geo_cell (BETWEEN \? AND \?|= \?))*\)/);
    expect(query.sql).toContain('<= ?');
    expect(query.params).toContain(3000); // the ring, in metres
    expect(query.sql).toMatch(/ORDER BY distance_m, p\.id\n {2}LIMIT \?/);
    expect(query.params.slice(-3)).toEqual([1500, id, 21]);
    expect(placeholders(query.sql)).toBe(query.params.length);
  });
});

describe('index choice', () => {
  it('names the index whose order is the sort order, led by the most selective equality', () => {
    expect(indexFor(none, 'newest')).toBe('idx_pets_search_published');
    expect(indexFor({ ...none, species: ['dog'] }, 'newest')).toBe('idx_pets_search_species');
    expect(indexFor({ ...none, species: ['dog', 'cat'] }, 'oldest')).toBe('idx_pets_search_published');
    expect(indexFor({ ...none, species: ['dog'], city: 'York' }, 'newest')).toBe('idx_pets_search_city');
    expect(indexFor({ ...none, city: 'York', rescueId: id }, 'count')).toBe('idx_pets_search_rescue');
    expect(indexFor({ ...none, species: ['dog'] }, 'name')).toBe('idx_pets_search_name');
    expect(indexFor({ ...none, species: ['dog'] }, 'count')).toBe('idx_pets_search_species');
  });

  it('uses the geo index for distance and radius counts, and leaves full-text queries to the FULLTEXT index', () => {
    const near = { lat: 51.5, lng: -0.12, radiusKm: 10 };
    expect(indexFor({ ...none, near }, 'distance')).toBe('idx_pets_search_geo');
    expect(indexFor({ ...none, near }, 'count')).toBe('idx_pets_search_geo');
    expect(indexFor({ ...none, near }, 'newest')).toBeNull();
    expect(indexFor({ ...none, near, text: '+lab*' }, 'distance')).toBeNull();
    expect(indexFor({ ...none, text: '+lab*' }, 'count')).toBeNull();
    expect(buildPageQuery({ ...none, text: '+lab*' }, 'newest', null, 21).sql).not.toContain('FORCE INDEX');
  });
});

describe('distance rings', () => {
  /** A fake "database" of distances: `within(r)` answers the nearest `wanted` beyond `startKm` within r. */
  function world(distancesKm: number[], startKm: number, wanted: number) {
    const rings: number[] = [];
    const within = async (ringKm: number) => {
      rings.push(ringKm);
      return distancesKm
        .filter((d) => d > startKm && d <= ringKm)
        .sort((a, b) => a - b)
        .slice(0, wanted);
    };
    return { rings, within };
  }

  it('gives the same rows as one query over the whole radius, for dense, sparse and empty areas', async () => {
    const random = new SeededRandom(7);
    for (const [count, spreadKm] of [
      [5000, 3],
      [300, 40],
      [20, 200],
      [0, 1],
    ] as const) {
      const distances = Array.from({ length: count }, () => Math.abs(random.normal()) * spreadKm);
      for (const startKm of [0, 0.5, 7]) {
        const { within } = world(distances, startKm, 21);
        const expected = distances
          .filter((d) => d > startKm && d <= 25)
          .sort((a, b) => a - b)
          .slice(0, 21);
        expect(await searchRings(21, startKm, 25, within)).toEqual(expected);
      }
    }
  });

  it('reads one small ring in a dense area and grows a few times in a sparse one', async () => {
    const random = new SeededRandom(8);
    const dense = world(
      Array.from({ length: 20000 }, () => Math.abs(random.normal()) * 4),
      0,
      21,
    );
    await searchRings(21, 0, 25, dense.within);
    expect(dense.rings).toEqual([FIRST_RING_KM]);

    const sparse = world(
      Array.from({ length: 30 }, () => 5 + random.next() * 100),
      0,
      21,
    );
    await searchRings(21, 0, 500, sparse.within);
    expect(sparse.rings.length).toBeLessThanOrEqual(6);
    expect(sparse.rings.at(-1)).toBeLessThanOrEqual(500);
  });
});
