// The SQL of the public pet search: one builder for the page and the capped count, written for what MariaDB 10.11
// and MySQL 8 both accept. Framework-free (the bench's bare server runs exactly this SQL); values always travel as
// parameters. Index design and the plans behind it: docs/search.md.
import { publiclyVisiblePetSql } from '@app/catalog';
import type { PetSort } from '@app/contracts';
import { boundingBox, coverCircle } from './geo-cell';

/** `total` is exact up to this many matches and this number beyond. */
export const TOTAL_CAP = 10_000;

/** Radius of the first ring of a distance-sorted page (see fetchPageRows). */
export const FIRST_RING_KM = 0.25;

/** Birth dates making a pet fall in one age group: after (exclusive) and on or before (inclusive), `YYYY-MM-DD`. */
export interface BirthDateRange {
  after: string | null;
  onOrBefore: string | null;
}

/** A validated, normalised search: every list sorted and de-duplicated, so equal searches are equal values. */
export interface SearchCriteria {
  species: string[];
  breeds: string[];
  birthDateRanges: BirthDateRange[];
  sizes: string[];
  sexes: string[];
  goodWithChildren: boolean | null;
  goodWithDogs: boolean | null;
  goodWithCats: boolean | null;
  houseTrained: boolean | null;
  specialNeeds: boolean | null;
  featured: boolean | null;
  availability: string[];
  rescueId: string | null;
  city: string | null;
  /** Inclusive lower bound of published_at, `YYYY-MM-DD HH:MM:SS.mmm` UTC. */
  publishedFrom: string | null;
  /** Exclusive upper bound of published_at. */
  publishedBefore: string | null;
  near: { lat: number; lng: number; radiusKm: number } | null;
  /** A BOOLEAN MODE full-text query (see full-text.ts). */
  text: string | null;
}

/** The position after the last row of a page: its sort key (ISO time, name or metres) and id. */
export interface SearchPosition {
  key: string | number;
  id: string;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** The columns of a PetSummary, as the driver returns them. */
export interface PetSummaryRow {
  id: string;
  name: string;
  species: string;
  primary_breed: string;
  birth_date_estimate: Date | string;
  sex: string;
  size: string;
  featured: number;
  adoption_fee: string | number | null;
  listing_status: string;
  availability: string;
  published_at: Date | string;
  city: string;
  region: string;
  rescue_id: string | null;
  distance_m?: number | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'name',
  'species',
  'primary_breed',
  'birth_date_estimate',
  'sex',
  'size',
  'featured',
  'adoption_fee',
  'listing_status',
  'availability',
  'published_at',
  'city',
  'region',
  'rescue_id',
];

/**
 * The index each query shape reads, named with FORCE INDEX (same syntax on both engines). Left to itself the
 * optimizer ties: InnoDB caps a range estimate at half the table, so "all published dogs" and "all published
 * pets" look equally large, and a wrong pick turns an index-only count into a scan of every row. A full-text
 * query is left free to read the FULLTEXT index, and a radius filter under another sort to weigh the geo index
 * against the sort's (that depends on how dense the area is). docs/search.md has the plans.
 */
export function indexFor(c: SearchCriteria, purpose: PetSort | 'count'): string | null {
  if (c.text !== null) return null;
  if (c.near) return purpose === 'distance' || purpose === 'count' ? 'idx_pets_search_geo' : null;
  if (purpose === 'name') return 'idx_pets_search_name';
  if (c.rescueId !== null) return 'idx_pets_search_rescue';
  if (c.city !== null) return 'idx_pets_search_city';
  if (c.species.length === 1) return 'idx_pets_search_species';
  return 'idx_pets_search_published';
}

const hintFor = (c: SearchCriteria, purpose: PetSort | 'count') => {
  const index = indexFor(c, purpose);
  return index ? ` FORCE INDEX (${index})` : '';
};

const columnsOf = (alias: string) => SUMMARY_COLUMNS.map((c) => `${alias}.${c}`).join(', ');
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Great-circle distance in whole metres (haversine with plain math functions, which both engines have). The
 * columns stay bare, so the geo index narrows the candidates before this runs; rounding makes the value an exact
 * integer, safe to compare for equality in a keyset cursor.
 */
function distanceExpression(alias: string, near: { lat: number; lng: number }): SqlQuery {
  return {
    sql:
      `ROUND(12742017.6 * ASIN(SQRT(LEAST(1, POWER(SIN(RADIANS(${alias}.latitude - ?) / 2), 2)` +
      ` + ? * COS(RADIANS(${alias}.latitude)) * POWER(SIN(RADIANS(${alias}.longitude - ?) / 2), 2)))))`,
    params: [near.lat, Math.cos((near.lat * Math.PI) / 180), near.lng],
  };
}

/** The WHERE clauses of a search (without the cursor). `radiusKm` narrows a distance search to one ring. */
function filtersOf(c: SearchCriteria, alias: string, radiusKm?: number): SqlQuery {
  const clauses = [publiclyVisiblePetSql(alias)];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  const anyOf = (column: string, values: readonly unknown[]) => {
    if (values.length) add(`${alias}.${column} IN (${placeholders(values)})`, ...values);
  };
  const flag = (column: string, value: boolean | null) => {
    if (value !== null) add(`${alias}.${column} = ?`, value ? 1 : 0);
  };

  anyOf('species', c.species);
  if (c.breeds.length) {
    add(`(${alias}.primary_breed IN (${placeholders(c.breeds)}) OR ${alias}.secondary_breed IN (${placeholders(c.breeds)}))`, ...c.breeds, ...c.breeds);
  }
  if (c.birthDateRanges.length) {
    const ranges = c.birthDateRanges.map((r) => {
      const parts: string[] = [];
      if (r.after !== null) {
        parts.push(`${alias}.birth_date_estimate > ?`);
        params.push(r.after);
      }
      if (r.onOrBefore !== null) {
        parts.push(`${alias}.birth_date_estimate <= ?`);
        params.push(r.onOrBefore);
      }
      return parts.length ? `(${parts.join(' AND ')})` : '1 = 1';
    });
    clauses.push(`(${ranges.join(' OR ')})`);
  }
  anyOf('size', c.sizes);
  anyOf('sex', c.sexes);
  flag('good_with_children', c.goodWithChildren);
  flag('good_with_dogs', c.goodWithDogs);
  flag('good_with_cats', c.goodWithCats);
  flag('house_trained', c.houseTrained);
  flag('special_needs', c.specialNeeds);
  flag('featured', c.featured);
  anyOf('availability', c.availability);
  if (c.rescueId !== null) add(`${alias}.rescue_id = ?`, c.rescueId);
  if (c.city !== null) add(`${alias}.city = ?`, c.city);
  if (c.publishedFrom !== null) add(`${alias}.published_at >= ?`, c.publishedFrom);
  if (c.publishedBefore !== null) add(`${alias}.published_at < ?`, c.publishedBefore);
  if (c.text !== null) {
    add(`MATCH (${alias}.name, ${alias}.primary_breed, ${alias}.secondary_breed, ${alias}.description) AGAINST (? IN BOOLEAN MODE)`, c.text);
  }
  if (c.near) {
    const radius = Math.min(radiusKm ?? c.near.radiusKm, c.near.radiusKm);
    const ranges = coverCircle(c.near.lat, c.near.lng, radius);
    add(
      `(${ranges.map((r) => (r.from === r.to ? `${alias}.geo_cell = ?` : `${alias}.geo_cell BETWEEN ? AND ?`)).join(' OR ')})`,
      ...ranges.flatMap((r) => (r.from === r.to ? [r.from] : [r.from, r.to])),
    );
    // Both columns are in the geo index: a cheap test on index entries before any trigonometry.
    const box = boundingBox(c.near.lat, c.near.lng, radius);
    add(`${alias}.latitude BETWEEN ? AND ?`, box.south, box.north);
    if (box.west > -180 || box.east < 180) add(`${alias}.longitude BETWEEN ? AND ?`, box.west, box.east);
    const distance = distanceExpression(alias, c.near);
    add(`${distance.sql} <= ?`, ...distance.params, Math.round(radius * 1000));
  }
  return { sql: clauses.join('\n  AND '), params };
}

/** ORDER BY and the keyset condition "after this position" of each sort; `key` is the sort column. */
const ORDERS: Record<Exclude<PetSort, 'distance'>, { key: string; direction: 'ASC' | 'DESC' }> = {
  newest: { key: 'published_at', direction: 'DESC' },
  oldest: { key: 'published_at', direction: 'ASC' },
  name: { key: 'name', direction: 'ASC' },
};

function keysetOf(key: string, idColumn: string, direction: 'ASC' | 'DESC', after: SearchPosition, value: unknown): SqlQuery {
  const op = direction === 'ASC' ? '>' : '<';
  return { sql: `(${key} ${op} ? OR (${key} = ? AND ${idColumn} ${op} ?))`, params: [value, value, after.id] };
}

/** `2024-05-01T10:00:00.000Z` → `2024-05-01 10:00:00.000`, the DATETIME(3) literal (sessions run in UTC). */
export function sqlTimestampOf(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '');
}

/**
 * One page of a search, `fetch` rows (the page size plus one, to know whether another page follows) after
 * `after`. Distance pages read the geo index alone (a covering index: id, position and species are in it), rank
 * the candidates and then join the few winners back to their rows.
 */
export function buildPageQuery(c: SearchCriteria, sort: PetSort, after: SearchPosition | null, fetch: number, ringKm?: number): SqlQuery {
  if (sort === 'distance') {
    if (!c.near) throw new Error('a distance sort needs a point');
    const filters = filtersOf(c, 'p', ringKm);
    const distance = distanceExpression('p', c.near);
    const params: unknown[] = [...distance.params, ...filters.params];
    let keyset = '';
    if (after) {
      keyset = `\n  AND (${distance.sql} > ? OR (${distance.sql} = ? AND p.id > ?))`;
      params.push(...distance.params, after.key, ...distance.params, after.key, after.id);
    }
    params.push(fetch);
    return {
      sql:
        `SELECT ${columnsOf('x')}, ranked.distance_m\nFROM (\n  SELECT p.id, ${distance.sql} AS distance_m\n  FROM pets p${hintFor(c, 'distance')}\n  WHERE ${filters.sql}${keyset}\n` +
        `  ORDER BY distance_m, p.id\n  LIMIT ?\n) ranked\nJOIN pets x ON x.id = ranked.id\nORDER BY ranked.distance_m, ranked.id`,
      params,
    };
  }

  const order = ORDERS[sort];
  const filters = filtersOf(c, 'p');
  const params: unknown[] = [];
  let select = columnsOf('p');
  if (c.near) {
    const distance = distanceExpression('p', c.near);
    select += `, ${distance.sql} AS distance_m`;
    params.push(...distance.params);
  }
  params.push(...filters.params);
  let where = filters.sql;
  if (after) {
    const value = order.key === 'published_at' ? sqlTimestampOf(String(after.key)) : after.key;
    const keyset = keysetOf(`p.${order.key}`, 'p.id', order.direction, after, value);
    where += `\n  AND ${keyset.sql}`;
    params.push(...keyset.params);
  }
  params.push(fetch);
  return {
    sql: `SELECT ${select}\nFROM pets p${hintFor(c, sort)}\nWHERE ${where}\nORDER BY p.${order.key} ${order.direction}, p.id ${order.direction}\nLIMIT ?`,
    params,
  };
}

/** The number of matches, counted no further than `cap + 1` rows (so `total` never costs a full count). */
export function buildCountQuery(c: SearchCriteria, cap = TOTAL_CAP): SqlQuery {
  const filters = filtersOf(c, 'p');
  return {
    sql: `SELECT COUNT(*) AS total FROM (\n  SELECT 1 FROM pets p${hintFor(c, 'count')}\n  WHERE ${filters.sql}\n  LIMIT ?\n) capped`,
    params: [...filters.params, cap + 1],
  };
}

/** What a capped count means to a client: exact up to the cap, the cap beyond it. */
export function cappedTotal(counted: number | string, cap = TOTAL_CAP): number {
  return Math.min(Number(counted), cap);
}

/**
 * Runs the page query. A distance-sorted page grows its radius ring by ring (see searchRings): the nearest
 * `limit + 1` pets beyond the cursor usually lie within a kilometre in a city, and reading a 1 km disc instead of
 * a 25 km one is what keeps "nearest 20 in a dense city" fast.
 */
export async function fetchPageRows(
  c: SearchCriteria,
  sort: PetSort,
  after: SearchPosition | null,
  limit: number,
  run: (query: SqlQuery) => Promise<PetSummaryRow[]>,
): Promise<PetSummaryRow[]> {
  if (sort !== 'distance' || !c.near) return run(buildPageQuery(c, sort, after, limit + 1));
  const startKm = after ? Number(after.key) / 1000 : 0;
  return searchRings(limit + 1, startKm, c.near.radiusKm, (ringKm) => run(buildPageQuery(c, 'distance', after, limit + 1, ringKm)));
}

/**
 * Asks `within(ringKm)` for the nearest `wanted` rows within growing rings, starting FIRST_RING_KM beyond
 * `startKm`, until a ring holds `wanted` rows or reaches `maxKm`. Everything within a ring is ranked exactly, so
 * the answer is the same as one query over the whole radius; a ring grows by the area its shortfall suggests
 * (a disc around the point, or a thin band far out on later pages), at least 1.5 and at most 6 times.
 */
export async function searchRings<T>(wanted: number, startKm: number, maxKm: number, within: (ringKm: number) => Promise<T[]>): Promise<T[]> {
  let ringKm = Math.min(maxKm, startKm + FIRST_RING_KM);
  for (;;) {
    const rows = await within(ringKm);
    if (rows.length >= wanted || ringKm >= maxKm) return rows;
    const width = ringKm - startKm;
    const need = wanted / Math.max(rows.length, 0.5);
    const factor = Math.min(6, Math.max(1.5, 1.2 * (startKm > width ? need : Math.sqrt(need))));
    ringKm = Math.min(maxKm, startKm + width * factor);
  }
}
