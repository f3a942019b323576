import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../seed/catalog-generator';
import { boundingBox, coverCircle, GEO_CELL_BITS, geoCellOf, haversineKm, type CellRange } from './geo-cell';

const inRanges = (ranges: CellRange[], cell: number) => ranges.some((r) => cell >= r.from && cell <= r.to);

/** A point `km` away from (lat, lng) on `bearing` (radians), on the sphere. */
function destination(lat: number, lng: number, km: number, bearing: number): [number, number] {
  const d = km / 6371.0088;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lng * Math.PI) / 180;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
  const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return [(φ2 * 180) / Math.PI, (((λ2 * 180) / Math.PI + 540) % 360) - 180];
}

describe('geoCellOf', () => {
  it('is null without a position', () => {
    expect(geoCellOf(null, -0.1)).toBeNull();
    expect(geoCellOf(51.5, undefined)).toBeNull();
    expect(geoCellOf(Number.NaN, 0)).toBeNull();
  });

  it('is a stable 32-bit Morton code: changing it means rewriting every stored cell', () => {
    expect(geoCellOf(51.5074, -0.1278)).toBe(3050796098); // x = 32744, y = 51521 interleaved;
    expect(geoCellOf(-90, -180)).toBe(0);
    expect(geoCellOf(90, 180)).toBe(2 ** 32 - 1);
  });

  it('gives one cell to points of one grid square and different cells to points a square apart', () => {
    const square = 360 / 2 ** GEO_CELL_BITS;
    const base = geoCellOf(51.50001, -0.12999)!;
    expect(geoCellOf(51.50001, -0.12999 + square / 10)).toBe(base);
    expect(geoCellOf(51.50001, -0.12999 + square)).not.toBe(base);
  });
});

describe('haversineKm', () => {
  it('measures great-circle distances', () => {
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.5, 0); // London – Paris
    expect(haversineKm(10, 179.9, 10, -179.9)).toBeCloseTo(21.9, 1); // across the antimeridian
    expect(haversineKm(1, 1, 1, 1)).toBe(0);
  });
});

describe('coverCircle', () => {
  const random = new SeededRandom(2024);
  const circles: Array<[number, number, number]> = [
    [51.5074, -0.1278, 25], // dense London, the benchmark's circle
    [51.5074, -0.1278, 1],
    [57.4778, -4.2247, 500],
    [0.0001, 179.99, 30], // antimeridian and equator
    [-33.86, 151.2, 5],
    [78.2, 15.6, 80], // far north
    ...Array.from({ length: 40 }, (): [number, number, number] => [random.between(-80, 80), random.between(-180, 180), random.between(1, 500)]),
  ];

  it.each(circles)('contains every point within the radius of (%f, %f), r = %f km', (lat, lng, radiusKm) => {
    const ranges = coverCircle(lat, lng, radiusKm);
    for (let i = 0; i < 400; i++) {
      const [pLat, pLng] = destination(lat, lng, radiusKm * Math.sqrt(random.next()) * 0.999, random.next() * 2 * Math.PI);
      expect(inRanges(ranges, geoCellOf(pLat, pLng)!), `${pLat},${pLng}`).toBe(true);
    }
    // and points on the rim
    for (let i = 0; i < 64; i++) {
      const [pLat, pLng] = destination(lat, lng, radiusKm * 0.9999, (i / 64) * 2 * Math.PI);
      expect(inRanges(ranges, geoCellOf(pLat, pLng)!)).toBe(true);
    }
  });

  it('stays within its budget of ranges, sorted and disjoint', () => {
    for (const [lat, lng, r] of circles) {
      const ranges = coverCircle(lat, lng, r);
      expect(ranges.length).toBeGreaterThan(0);
      expect(ranges.length).toBeLessThanOrEqual(24);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i].from).toBeGreaterThan(ranges[i - 1].to + 1);
    }
  });

  it('covers little more than the circle, so a dense city reads few extra index entries', () => {
    const squareKm2 = (lat: number) => (360 / 2 ** GEO_CELL_BITS) * 111.2 * Math.cos((lat * Math.PI) / 180) * ((180 / 2 ** GEO_CELL_BITS) * 111.2);
    for (const radiusKm of [1, 5, 25]) {
      const cells = coverCircle(51.5074, -0.1278, radiusKm).reduce((sum, r) => sum + (r.to - r.from + 1), 0);
      const ratio = (cells * squareKm2(51.5)) / (Math.PI * radiusKm ** 2);
      expect(ratio).toBeLessThan(2.2);
    }
  });
});

describe('boundingBox', () => {
  it('holds the circle, and spans every longitude when the circle crosses ±180', () => {
    const box = boundingBox(51.5, -0.12, 25);
    expect(box.north - 51.5).toBeCloseTo(25 / 111.195, 3);
    expect(box.west).toBeLessThan(destination(51.5, -0.12, 25, -Math.PI / 2)[1]);
    expect(boundingBox(0, 179.9, 50)).toMatchObject({ west: -180, east: 180 });
  });
});
