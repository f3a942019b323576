// Search rows → PetSummary through the pets module's own mapper, so every list of pets answers the same fields.
// The rows are the raw columns the search selects (no entity is hydrated on the hot path): they are converted
// here to the few entity fields that mapper reads.
import type { PetSummaryDto } from '@app/contracts';
import { toPetSummaryDto, type PetSummarySource } from '../pets/pet.mapper';
import type { PetEntity } from '@app/catalog';
import type { PetSummaryRow } from './pet-search.sql';

/** DATETIME/DATE values as the driver gives them (Date with the session in UTC), or as strings from other drivers. */
const asDate = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}Z`);

export function toPetSummary(row: PetSummaryRow, today: Date = new Date()): PetSummaryDto {
  const source: PetSummarySource = {
    id: row.id,
    name: row.name,
    species: row.species as PetEntity['species'],
    primaryBreed: row.primary_breed,
    birthDateEstimate: asDate(row.birth_date_estimate).toISOString().slice(0, 10),
    sex: row.sex as PetEntity['sex'],
    size: row.size as PetEntity['size'],
    featured: Number(row.featured) === 1,
    adoptionFee: row.adoption_fee === null ? null : Number(row.adoption_fee),
    listingStatus: row.listing_status as PetEntity['listingStatus'],
    availability: row.availability as PetEntity['availability'],
    publishedAt: asDate(row.published_at),
    city: row.city,
    region: row.region,
    rescueId: row.rescue_id,
  };
  const distanceKm = row.distance_m === undefined || row.distance_m === null ? null : Number(row.distance_m) / 1000;
  return toPetSummaryDto(source, distanceKm, today);
}

/** The sort key of a row, as the cursor carries it. */
export function sortKeyOf(row: PetSummaryRow, sort: 'newest' | 'oldest' | 'name' | 'distance'): string | number {
  if (sort === 'name') return row.name;
  if (sort === 'distance') return Number(row.distance_m);
  return asDate(row.published_at).toISOString();
}
