// Geographic cells for radius search, identical on MariaDB and MySQL 8 (neither shares a spatial feature set we
// could rely on). A pet's position is quantised to a 65,536 × 65,536 lat/lng grid (about 380 m × 305 m in the UK)
// and stored as the Morton (Z-order) code of its grid square in `pets.geo_cell` (INT UNSIGNED). Every aligned
// quadtree square of any size is then ONE contiguous range of codes, so a circle is covered by a few dozen squares
// of mixed sizes — small ones at its rim, big ones inside — and the index on geo_cell answers it with as many
// `BETWEEN` ranges: the adaptive grid that a fixed 0.1° grid cannot be in a dense city.
// Framework-free on purpose: the pets module fills the column with `geoCellOf`, and the bench's bare server
// runs the same SQL.

/** Bits per axis: 2 × 16 bits fit INT UNSIGNED. */
export const GEO_CELL_BITS = 16;
const SIDE = 2 ** GEO_CELL_BITS;

/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

function gridX(lng: number): number {
  return Math.min(SIDE - 1, Math.max(0, Math.floor(((lng + 180) / 360) * SIDE)));
}

function gridY(lat: number): number {
  return Math.min(SIDE - 1, Math.max(0, Math.floor(((lat + 90) / 180) * SIDE)));
}

/** Spreads the 16 low bits of `v` to the even bit positions. */
function spread(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

function interleave(x: number, y: number): number {
  return (spread(x) | (spread(y) << 1)) >>> 0;
}

/**
 * The geo cell of a position, the value of `pets.geo_cell`; null when the position is unknown. Pure and stable:
 * changing it means rewriting every stored cell.
 */
export function geoCellOf(lat: number | null | undefined, lng: number | null | undefined): number | null {
  if (lat === null || lat === undefined || lng === null || lng === undefined) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return interleave(gridX(lng), gridY(lat));
}

/** Great-circle distance in kilometres (haversine), the same formula the SQL uses. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = toRadians(lat2 - lat1) / 2;
  const dLng = toRadians(lng2 - lng1) / 2;
  const h = Math.sin(dLat) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLng) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** An inclusive range of geo cell codes. */
export interface CellRange {
  from: number;
  to: number;
}

interface Square {
  level: number; // 0 = the whole grid, GEO_CELL_BITS = one grid square
  x: number; // column at this level
  y: number; // row at this level
}

function boundsOf(square: Square) {
  const size = 2 ** (GEO_CELL_BITS - square.level);
  return {
    west: (square.x * size * 360) / SIDE - 180,
    east: ((square.x + 1) * size * 360) / SIDE - 180,
    south: (square.y * size * 180) / SIDE - 90,
    north: ((square.y + 1) * size * 180) / SIDE - 90,
  };
}

/** Distance from a point to the nearest point of a square: exact along a meridian, a hair too long across (see margin). */
function minDistanceKm(lat: number, lng: number, square: Square): number {
  const b = boundsOf(square);
  const nearestLat = Math.min(b.north, Math.max(b.south, lat));
  let best = Infinity;
  for (const shifted of [lng, lng - 360, lng + 360]) {
    const nearestLng = Math.min(b.east, Math.max(b.west, shifted));
    best = Math.min(best, haversineKm(lat, shifted, nearestLat, nearestLng));
  }
  return best;
}

function maxDistanceKm(lat: number, lng: number, square: Square): number {
  const b = boundsOf(square);
  return Math.max(...[b.south, b.north].flatMap((cornerLat) => [b.west, b.east].map((cornerLng) => haversineKm(lat, lng, cornerLat, cornerLng))));
}

function rangeOf(square: Square): CellRange {
  const shift = 2 * (GEO_CELL_BITS - square.level);
  const from = interleave(square.x, square.y) * 2 ** shift;
  return { from, to: from + 2 ** shift - 1 };
}

/** The squares of one level that touch the circle's bounding box, with longitudes wrapped around ±180. */
function startingSquares(lat: number, lng: number, latSpan: number, level: number): Square[] {
  const size = 2 ** level;
  const cosLat = Math.max(0.01, Math.cos(toRadians(Math.min(89.9, Math.abs(lat) + latSpan))));
  const lngSpan = Math.min(360, latSpan / cosLat);
  const x0 = Math.floor(((lng - lngSpan / 2 + 180) / 360) * size);
  const x1 = Math.min(x0 + size - 1, Math.floor(((lng + lngSpan / 2 + 180) / 360) * size));
  const y0 = Math.max(0, Math.floor(((lat - latSpan / 2 + 90) / 180) * size));
  const y1 = Math.min(size - 1, Math.floor(((lat + latSpan / 2 + 90) / 180) * size));
  const squares: Square[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let xx = x0; xx <= x1; xx++) squares.push({ level, x: ((xx % size) + size) % size, y });
  }
  return squares;
}

/**
 * The geo cell ranges that together contain every point within `radiusKm` of (lat, lng): a covering by at most
 * `maxCells` quadtree squares (fewer once adjacent ones merge). Squares cut by the rim are split while the budget
 * allows, so little of the covered area lies outside the circle; the exact distance is then checked in SQL.
 */
export function coverCircle(lat: number, lng: number, radiusKm: number, maxCells = 24): CellRange[] {
  // Measuring to a square's edge along a parallel overstates the true distance by a hair; the margin keeps the
  // covering a superset of the circle.
  const reach = radiusKm * 1.01 + 0.05;
  const intersects = (s: Square) => minDistanceKm(lat, lng, s) <= reach;
  const inside = (s: Square) => maxDistanceKm(lat, lng, s) <= radiusKm;

  // Start at the finest level whose squares are at least as tall as the circle's diameter: at most 2 × 2 of them
  // touch the circle away from the poles (coarser ones still when the circle reaches towards a pole).
  const latSpan = (2 * radiusKm * 180) / (Math.PI * EARTH_RADIUS_KM);
  let level = 0;
  while (level < GEO_CELL_BITS && 180 / 2 ** (level + 1) >= latSpan) level++;
  let queue = startingSquares(lat, lng, latSpan, level).filter(intersects);
  while (queue.length > maxCells && level > 0) queue = startingSquares(lat, lng, latSpan, --level).filter(intersects);

  // Breadth-first refinement: big squares are split first, as long as the result stays within the budget.
  const done: Square[] = [];
  while (queue.length > 0) {
    const next: Square[] = [];
    for (let i = 0; i < queue.length; i++) {
      const square = queue[i];
      const children =
        square.level < GEO_CELL_BITS && !inside(square)
          ? [0, 1, 2, 3].map((k) => ({ level: square.level + 1, x: square.x * 2 + (k & 1), y: square.y * 2 + (k >> 1) })).filter(intersects)
          : [];
      const budgetLeft = maxCells - done.length - next.length - (queue.length - i - 1);
      if (children.length === 0 || children.length > budgetLeft) done.push(square);
      else next.push(...children);
    }
    queue = next;
  }

  const ranges = done.map(rangeOf).sort((a, b) => a.from - b.from);
  const merged: CellRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** The latitude/longitude box around the circle (longitudes may pass ±180: then the box is the full width). */
export function boundingBox(lat: number, lng: number, radiusKm: number): { south: number; north: number; west: number; east: number } {
  const latSpan = (radiusKm * 180) / (Math.PI * EARTH_RADIUS_KM) + 1e-6;
  const south = Math.max(-90, lat - latSpan);
  const north = Math.min(90, lat + latSpan);
  const poleward = Math.max(Math.abs(south), Math.abs(north));
  if (poleward >= 89.9) return { south, north, west: -180, east: 180 };
  const lngSpan = latSpan / Math.cos(toRadians(poleward));
  if (lng - lngSpan < -180 || lng + lngSpan > 180) return { south, north, west: -180, east: 180 };
  return { south, north, west: lng - lngSpan, east: lng + lngSpan };
}
