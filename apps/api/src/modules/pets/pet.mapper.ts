// Entity ↔ API shapes of pets, their history and medical records, in one place. `toPetSummaryDto` is also the
// shape of the search results (pet-search imports it), so every list of pets answers the same fields.
import type { MedicalRecordDto, PetDto, PetHistoryEntryDto, PetSummaryDto } from '@app/contracts';
import { ageGroupOf } from './age-group';
import { type MedicalRecordEntity, type PetEntity, type PetStatusHistoryEntity, utcDate } from '@app/catalog';

export function toPetDto(pet: PetEntity, today: Date = new Date()): PetDto {
  return {
    id: pet.id,
    name: pet.name,
    species: pet.species,
    primaryBreed: pet.primaryBreed,
    secondaryBreed: pet.secondaryBreed,
    mixedBreed: pet.mixedBreed,
    birthDate: pet.birthDate,
    estimatedAgeMonths: pet.estimatedAgeMonths,
    sex: pet.sex,
    size: pet.size,
    colour: pet.colour,
    coat: pet.coat,
    weightKg: pet.weightKg,
    description: pet.description,
    temperament: pet.temperament,
    goodWithChildren: pet.goodWithChildren,
    goodWithDogs: pet.goodWithDogs,
    goodWithCats: pet.goodWithCats,
    houseTrained: pet.houseTrained,
    specialNeeds: pet.specialNeeds,
    specialNeedsNotes: pet.specialNeedsNotes,
    energyLevel: pet.energyLevel,
    vaccinated: pet.vaccinated,
    neutered: pet.neutered,
    microchipped: pet.microchipped,
    adoptionFee: pet.adoptionFee,
    location: { city: pet.city, region: pet.region, postcode: pet.postcode, latitude: pet.latitude, longitude: pet.longitude },
    featured: pet.featured,
    intakeDate: pet.intakeDate,
    ageGroup: ageGroupOf(utcDate(pet.birthDateEstimate), today),
    listingStatus: pet.listingStatus,
    availability: pet.availability,
    owner: { type: pet.ownerType, rescueId: pet.rescueId, userId: pet.ownerUserId },
    publishedAt: pet.publishedAt?.toISOString() ?? null,
    createdAt: pet.createdAt.toISOString(),
    updatedAt: pet.updatedAt.toISOString(),
    version: pet.version,
  };
}

/** The fields a pet summary is made of: the search builds it from raw rows, the other lists pass entities. */
export type PetSummarySource = Pick<
  PetEntity,
  | 'id'
  | 'name'
  | 'species'
  | 'primaryBreed'
  | 'birthDateEstimate'
  | 'sex'
  | 'size'
  | 'featured'
  | 'adoptionFee'
  | 'listingStatus'
  | 'availability'
  | 'publishedAt'
  | 'city'
  | 'region'
  | 'rescueId'
>;

/** A pet in a list; `distanceKm` only when the list was searched around a point. */
export function toPetSummaryDto(pet: PetSummarySource, distanceKm: number | null = null, today: Date = new Date()): PetSummaryDto {
  return {
    id: pet.id,
    name: pet.name,
    species: pet.species,
    primaryBreed: pet.primaryBreed,
    ageGroup: ageGroupOf(utcDate(pet.birthDateEstimate), today),
    sex: pet.sex,
    size: pet.size,
    featured: pet.featured,
    adoptionFee: pet.adoptionFee,
    listingStatus: pet.listingStatus,
    availability: pet.availability,
    publishedAt: pet.publishedAt?.toISOString() ?? null,
    city: pet.city,
    region: pet.region,
    rescueId: pet.rescueId,
    distanceKm,
  };
}

export function toPetHistoryEntryDto(entry: PetStatusHistoryEntity): PetHistoryEntryDto {
  return {
    id: entry.id,
    kind: entry.kind,
    from: entry.fromStatus,
    to: entry.toStatus,
    actorId: entry.actorId,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  };
}

/** `full` for the owner side and admins; the public summary leaves out who treated the pet and the notes. */
export function toMedicalRecordDto(record: MedicalRecordEntity, full: boolean): MedicalRecordDto {
  return {
    id: record.id,
    petId: record.petId,
    type: record.type,
    date: record.recordDate,
    title: record.title,
    vetName: full ? record.vetName : null,
    clinic: full ? record.clinic : null,
    notes: full ? record.notes : null,
    verified: record.verifiedAt !== null,
    verifiedAt: record.verifiedAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}
