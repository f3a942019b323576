// The bare baseline of BENCH-METHOD.md: plain Fastify (and mysql2 where a scenario needs the database),
// no framework, answering the same routes as the api with the same SQL.
// The pet search reuses the api's framework-free SQL builder, criteria and cursor code from dist/ (run
// `npm run build` first), so both servers send byte-identical SQL and the comparison measures the framework,
// not two query designs; the query string is parsed, checked and mapped here by hand.
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';

const require = createRequire(import.meta.url);
const dist = (path) => require(`../dist/apps/api/src/modules/${path}.js`);
const { normaliseSearch, InvalidSearchError } = dist('pet-search/search-criteria');
const { fetchPageRows, buildCountQuery, cappedTotal, TOTAL_CAP } = dist('pet-search/pet-search.sql');
const { decodeSearchCursor, encodeSearchCursor, searchFingerprintOf, InvalidCursorError } = dist('pet-search/search-cursor');
const { ageGroupOf } = dist('pets/age-group');

const port = Number(process.env.BARE_PORT ?? 3100);
const app = Fastify({ logger: false });
const pool = mysql.createPool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME,
  connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
  timezone: 'Z',
});
pool.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));
// Same cache as the api's (a minute per filter set), under a prefix of its own.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', {
  keyPrefix: `${process.env.REDIS_PREFIX ?? 'pets'}-bare:`,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
});
redis.on('error', () => undefined);

const badRequest = (reply, fields) => reply.code(400).send({ code: 'VALIDATION_FAILED', message: 'The request is invalid.', details: { fields } });
const iso = (value) => (value === null ? null : new Date(value).toISOString());
const date = (value) => (value === null ? null : new Date(value).toISOString().slice(0, 10));
const decimal = (value) => (value === null ? null : Number(value));
const bool = (value) => (value === null ? null : value === 1);

app.get('/healthz', async () => ({ status: 'ok', checks: {} }));
app.get('/api/v1/features/:feature', async (request, reply) => {
  const [rows] = await pool.query('SELECT `key`, enabled, description, version, updated_at FROM feature_flags WHERE `key` = ?', [request.params.feature]);
  if (rows.length === 0) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Feature not found.', details: {} });
  const row = rows[0];
  return { key: row.key, enabled: row.enabled === 1, description: row.description, version: row.version, updatedAt: new Date(row.updated_at).toISOString() };
});

// GET /pets/{petId}: the api's query (a full row by primary key, not deleted), published ones to anyone.
app.get('/api/v1/pets/:petId', async (request, reply) => {
  const petId = request.params.petId;
  if (!/^[0-9a-f-]{36}$/.test(petId)) return badRequest(reply, [{ field: 'petId', constraints: { matches: 'petId must be an id' } }]);
  const [rows] = await pool.query('SELECT * FROM pets p WHERE p.id = ? AND p.deleted_at IS NULL', [petId]);
  const p = rows[0];
  if (!p || p.listing_status !== 'published')
    return reply.code(404).send({ code: 'NOT_FOUND', message: `Pet ${petId} not found.`, details: { resource: 'Pet', id: petId } });
  return {
    id: p.id,
    name: p.name,
    species: p.species,
    primaryBreed: p.primary_breed,
    secondaryBreed: p.secondary_breed,
    mixedBreed: p.mixed_breed === 1,
    birthDate: date(p.birth_date),
    estimatedAgeMonths: p.estimated_age_months,
    sex: p.sex,
    size: p.size,
    colour: p.colour,
    coat: p.coat,
    weightKg: decimal(p.weight_kg),
    description: p.description,
    temperament: typeof p.temperament === 'string' ? JSON.parse(p.temperament) : p.temperament,
    goodWithChildren: bool(p.good_with_children),
    goodWithDogs: bool(p.good_with_dogs),
    goodWithCats: bool(p.good_with_cats),
    houseTrained: p.house_trained === 1,
    specialNeeds: p.special_needs === 1,
    specialNeedsNotes: p.special_needs_notes,
    energyLevel: p.energy_level,
    vaccinated: p.vaccinated === 1,
    neutered: p.neutered === 1,
    microchipped: p.microchipped === 1,
    adoptionFee: decimal(p.adoption_fee),
    location: { city: p.city, region: p.region, postcode: p.postcode, latitude: decimal(p.latitude), longitude: decimal(p.longitude) },
    featured: p.featured === 1,
    intakeDate: date(p.intake_date),
    ageGroup: ageGroupOf(new Date(p.birth_date_estimate)),
    listingStatus: p.listing_status,
    availability: p.availability,
    owner: { type: p.owner_type, rescueId: p.rescue_id, userId: p.owner_user_id },
    publishedAt: iso(p.published_at),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    version: p.version,
  };
});

// GET /pets: the search.
const LISTS = new Set(['species', 'breed', 'ageGroup', 'size', 'sex', 'availability']);
const NUMBERS = new Set(['lat', 'lng', 'radiusKm', 'limit']);
const FLAGS = new Set(['goodWithChildren', 'goodWithDogs', 'goodWithCats', 'houseTrained', 'specialNeeds', 'featured']);
const TEXTS = new Set(['q', 'rescueId', 'city', 'publishedAfter', 'publishedBefore', 'sort', 'cursor']);

function parseSearch(raw) {
  const query = {};
  const problems = [];
  for (const [key, value] of Object.entries(raw)) {
    const values = [].concat(value);
    if (LISTS.has(key)) query[key] = values.flatMap((v) => String(v).split(','));
    else if (NUMBERS.has(key)) query[key] = Number(values[0]);
    else if (FLAGS.has(key)) query[key] = values[0] === 'true' ? true : values[0] === 'false' ? false : undefined;
    else if (TEXTS.has(key)) query[key] = String(values[0]);
    else problems.push({ field: key, constraints: { whitelistValidation: `property ${key} should not exist` } });
    if (query[key] === undefined || Number.isNaN(query[key])) problems.push({ field: key, constraints: { type: `${key} is invalid` } });
  }
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit >= 1 && query.limit <= 100))
    problems.push({ field: 'limit', constraints: { max: 'limit must be 1–100' } });
  return { query, problems };
}

const counting = new Map();
async function totalOf(criteria) {
  const key = `pet-search:total:${searchFingerprintOf(criteria)}`;
  const cached = await redis.get(key).catch(() => null);
  if (cached !== null) return Number(cached);
  let pending = counting.get(key);
  if (!pending) {
    const count = buildCountQuery(criteria, TOTAL_CAP);
    pending = pool
      .query(count.sql, count.params)
      .then(([rows]) => cappedTotal(rows[0].total))
      .finally(() => counting.delete(key));
    counting.set(key, pending);
    pending.then((total) => redis.set(key, String(total), 'EX', 60)).catch(() => undefined);
  }
  return pending;
}

app.get('/api/v1/pets', async (request, reply) => {
  const { query, problems } = parseSearch(request.query);
  if (problems.length) return badRequest(reply, problems);
  const now = new Date();
  let search;
  try {
    search = normaliseSearch(query, now);
  } catch (error) {
    if (error instanceof InvalidSearchError) return badRequest(reply, error.fields);
    throw error;
  }
  const fingerprint = searchFingerprintOf(search.filterIdentity);
  let cursor = null;
  if (query.cursor !== undefined) {
    try {
      cursor = decodeSearchCursor(query.cursor, search.sort, fingerprint, TOTAL_CAP);
    } catch (error) {
      if (error instanceof InvalidCursorError) return badRequest(reply, [{ field: 'cursor', constraints: { cursor: error.message } }]);
      throw error;
    }
  }
  if (!search.searchable) return { items: [], nextCursor: null, total: 0 };
  const { criteria, sort, limit } = search;
  const [rows, total] = await Promise.all([
    fetchPageRows(criteria, sort, cursor?.position ?? null, limit, async (q) => (await pool.query(q.sql, q.params))[0]),
    cursor ? cursor.total : totalOf(search.totalKey),
  ]);
  const page = rows.slice(0, limit);
  const items = page.map((p) => ({
    id: p.id,
    name: p.name,
    species: p.species,
    primaryBreed: p.primary_breed,
    ageGroup: ageGroupOf(new Date(p.birth_date_estimate), now),
    sex: p.sex,
    size: p.size,
    featured: p.featured === 1,
    adoptionFee: decimal(p.adoption_fee),
    listingStatus: p.listing_status,
    availability: p.availability,
    publishedAt: iso(p.published_at),
    city: p.city,
    region: p.region,
    rescueId: p.rescue_id,
    distanceKm: p.distance_m === undefined || p.distance_m === null ? null : p.distance_m / 1000,
  }));
  const last = page.at(-1);
  const key = sort === 'name' ? last?.name : sort === 'distance' ? last?.distance_m : iso(last?.published_at ?? null);
  const nextCursor = rows.length > limit && last ? encodeSearchCursor({ sort, position: { key, id: last.id }, fingerprint, total }) : null;
  return { items, nextCursor, total };
});

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  redis.disconnect();
  process.exit(0);
});
