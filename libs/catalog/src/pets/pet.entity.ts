import type { Availability, CoatLength, EnergyLevel, ListingStatus, PetOwnerType, PetSex, PetSize, Species } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import { UserEntity } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, type ValueTransformer } from 'typeorm';
import { RescueEntity } from '../rescues/rescue.entity';

/** mysql2 returns DECIMAL as a string (exact); the API speaks JSON numbers, and these values fit a double exactly enough. */
export const DECIMAL_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** DATE columns are `YYYY-MM-DD` strings read in UTC, whatever the process time zone. */
export const DATE_COLUMN = { type: 'date', utc: true } as const;

/** A DATE column's `YYYY-MM-DD` as a Date at 00:00 UTC. */
export const utcDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

/**
 * A pet listing, owned by a rescue (`rescueId`) or by an individual rehomer (`ownerUserId`). Soft-deleted
 * (`deletedAt`): the row stays for applications and audit, but answers 404 everywhere.
 */
@Entity({ name: 'pets' })
@Index('idx_pets_rescue', ['rescueId', 'listingStatus', 'createdAt'])
@Index('idx_pets_owner_user', ['ownerUserId', 'listingStatus', 'createdAt'])
// Search indexes (migration 1763820000000-pet-search, docs/search.md); owned by the pet-search module.
@Index('idx_pets_search_published', [
  'listingStatus',
  'deletedAt',
  'publishedAt',
  'id',
  'species',
  'size',
  'sex',
  'birthDateEstimate',
  'availability',
  'goodWithChildren',
  'goodWithDogs',
  'goodWithCats',
  'houseTrained',
  'specialNeeds',
  'featured',
])
@Index('idx_pets_search_species', [
  'listingStatus',
  'deletedAt',
  'species',
  'publishedAt',
  'id',
  'size',
  'sex',
  'birthDateEstimate',
  'availability',
  'goodWithChildren',
  'goodWithDogs',
  'goodWithCats',
  'houseTrained',
  'specialNeeds',
  'featured',
])
@Index('idx_pets_search_name', ['listingStatus', 'deletedAt', 'name', 'id'])
@Index('idx_pets_search_city', ['listingStatus', 'deletedAt', 'city', 'publishedAt', 'id'])
@Index('idx_pets_search_rescue', ['listingStatus', 'deletedAt', 'rescueId', 'publishedAt', 'id'])
@Index('idx_pets_search_geo', ['listingStatus', 'deletedAt', 'geoCell', 'latitude', 'longitude', 'species'])
@Index('ft_pets_search', ['name', 'primaryBreed', 'secondaryBreed', 'description'], { fulltext: true })
export class PetEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 16 })
  ownerType!: PetOwnerType;

  @Column({ ...ID_COLUMN, nullable: true })
  rescueId!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  species!: Species;

  @Column({ type: 'varchar', length: 100 })
  primaryBreed!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  secondaryBreed!: string | null;

  @Column({ type: 'boolean', default: false })
  mixedBreed!: boolean;

  @Column({ ...DATE_COLUMN, nullable: true })
  birthDate!: string | null;

  /** The age given when the pet was listed (or when it was last changed), if the birth date is unknown. */
  @Column({ type: 'smallint', unsigned: true, nullable: true })
  estimatedAgeMonths!: number | null;

  /** The known birth date, or one estimated from estimatedAgeMonths: what age groups are computed from. */
  @Column(DATE_COLUMN)
  birthDateEstimate!: string;

  @Column({ type: 'varchar', length: 8 })
  sex!: PetSex;

  @Column({ type: 'varchar', length: 16 })
  size!: PetSize;

  @Column({ type: 'varchar', length: 50, default: '' })
  colour!: string;

  @Column({ type: 'varchar', length: 16, default: 'short' })
  coat!: CoatLength;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: DECIMAL_AS_NUMBER })
  weightKg!: number | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'json' })
  temperament!: string[];

  @Column({ type: 'boolean', nullable: true })
  goodWithChildren!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  goodWithDogs!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  goodWithCats!: boolean | null;

  @Column({ type: 'boolean', default: false })
  houseTrained!: boolean;

  @Column({ type: 'boolean', default: false })
  specialNeeds!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  specialNeedsNotes!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'moderate' })
  energyLevel!: EnergyLevel;

  @Column({ type: 'boolean', default: false })
  vaccinated!: boolean;

  @Column({ type: 'boolean', default: false })
  neutered!: boolean;

  @Column({ type: 'boolean', default: false })
  microchipped!: boolean;

  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL_AS_NUMBER })
  adoptionFee!: number | null;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ type: 'varchar', length: 100 })
  region!: string;

  @Column({ type: 'varchar', length: 16 })
  postcode!: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: DECIMAL_AS_NUMBER })
  latitude!: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: DECIMAL_AS_NUMBER })
  longitude!: number | null;

  /** Search cell of the position: `geoCellOf(latitude, longitude)` from pet-search/geo-cell.ts; null without a position. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  geoCell!: number | null;

  @Column({ type: 'boolean', default: false })
  featured!: boolean;

  @Column({ ...DATE_COLUMN, nullable: true })
  intakeDate!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  listingStatus!: ListingStatus;

  @Column({ type: 'varchar', length: 16, default: 'available' })
  availability!: Availability;

  /** Set by the first publication and kept afterwards. */
  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  publishedAt!: Date | null;

  /** Set while the pet is adopted; cleared when it leaves that state. */
  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  adoptedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  deletedAt!: Date | null;

  @ManyToOne(() => RescueEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'rescue_id', foreignKeyConstraintName: 'fk_pets_rescue' })
  rescue?: RescueEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'fk_pets_owner_user' })
  ownerUser?: UserEntity;
}
