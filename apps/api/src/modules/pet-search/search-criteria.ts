// From the validated query string to a normalised SearchCriteria: the rules the contract's schema cannot say
// (lat and lng go together, distance needs a point), age groups as birth-date ranges on `today`, sanitised
// full-text words. Framework-free, so the bench's bare server builds the very same SQL.
import type { AgeGroup, PetSort, SearchPetsQuery } from '@app/contracts';
import { birthDateRangeOf } from '../pets/age-group';
import { booleanQueryOf } from './full-text';
import { sqlTimestampOf, type SearchCriteria } from './pet-search.sql';

/** Radius used when a point is given without one (the contract's default). */
export const DEFAULT_RADIUS_KM = 50;
export const DEFAULT_LIMIT = 20;

export interface FieldProblem {
  field: string;
  constraints: Record<string, string>;
}

export class InvalidSearchError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super('The search is invalid.');
  }
}

export interface NormalisedSearch {
  criteria: SearchCriteria;
  sort: PetSort;
  limit: number;
  /** What the cursor fingerprint is taken of: the filters as asked (age groups by name, so a cursor outlives midnight). */
  filterIdentity: unknown;
  /** Key of the cached total: the filters as run (age groups as today's date ranges). */
  totalKey: unknown;
  /** False when `q` holds no word the full-text index could match: the answer is an empty page. */
  searchable: boolean;
}

const sorted = <T extends string>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])].sort();
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const dateOnly = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

export function normaliseSearch(query: SearchPetsQuery, today: Date = new Date()): NormalisedSearch {
  const problems: FieldProblem[] = [];
  const hasLat = query.lat !== undefined;
  const hasLng = query.lng !== undefined;
  if (hasLat !== hasLng) problems.push({ field: hasLat ? 'lng' : 'lat', constraints: { together: 'lat and lng must be given together' } });
  if (query.radiusKm !== undefined && !(hasLat && hasLng)) {
    problems.push({ field: 'radiusKm', constraints: { needsPoint: 'radiusKm needs lat and lng' } });
  }
  const sort: PetSort = query.sort ?? 'newest';
  if (sort === 'distance' && !(hasLat && hasLng)) problems.push({ field: 'sort', constraints: { needsPoint: 'sort=distance needs lat and lng' } });
  if (query.publishedAfter && query.publishedBefore && Date.parse(query.publishedAfter) >= Date.parse(query.publishedBefore)) {
    problems.push({ field: 'publishedBefore', constraints: { order: 'publishedBefore must be later than publishedAfter' } });
  }
  if (problems.length) throw new InvalidSearchError(problems);

  const ageGroups = sorted<AgeGroup>(query.ageGroup);
  const text = query.q === undefined ? null : booleanQueryOf(query.q);
  const criteria: SearchCriteria = {
    species: sorted(query.species),
    breeds: sorted(query.breed?.map((b) => b.trim()).filter(Boolean)),
    birthDateRanges: ageGroups.map((group) => {
      const range = birthDateRangeOf(group, today);
      return { after: dateOnly(range.bornAfter), onOrBefore: dateOnly(range.bornOnOrBefore) };
    }),
    sizes: sorted(query.size),
    sexes: sorted(query.sex),
    goodWithChildren: orNull(query.goodWithChildren),
    goodWithDogs: orNull(query.goodWithDogs),
    goodWithCats: orNull(query.goodWithCats),
    houseTrained: orNull(query.houseTrained),
    specialNeeds: orNull(query.specialNeeds),
    featured: orNull(query.featured),
    availability: sorted(query.availability),
    rescueId: orNull(query.rescueId),
    city: query.city === undefined || query.city.trim() === '' ? null : query.city.trim(),
    publishedFrom: query.publishedAfter ? sqlTimestampOf(new Date(query.publishedAfter).toISOString()) : null,
    publishedBefore: query.publishedBefore ? sqlTimestampOf(new Date(query.publishedBefore).toISOString()) : null,
    near: hasLat && hasLng ? { lat: query.lat!, lng: query.lng!, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM } : null,
    text,
  };
  const { birthDateRanges: _asRun, ...asked } = criteria;
  return {
    criteria,
    sort,
    limit: query.limit ?? DEFAULT_LIMIT,
    filterIdentity: { ...asked, ageGroups },
    totalKey: criteria,
    searchable: query.q === undefined || text !== null,
  };
}
