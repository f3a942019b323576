import type { RescueSettingsDto, RescueStatus } from '@app/contracts';
import { Column, Entity, Index } from 'typeorm';
import { TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';

export type RescueSettings = Pick<RescueSettingsDto, 'defaultAdoptionFee' | 'adoptionPolicy' | 'waitlistOnApproval'>;

/** What a newly registered rescue starts with; its admins change them with PUT/PATCH. */
export const DEFAULT_RESCUE_SETTINGS: RescueSettings = { defaultAdoptionFee: null, adoptionPolicy: '', waitlistOnApproval: false };

/** A rescue organisation. Soft-deleted (`deletedAt`): its records stay, but it answers 404 everywhere. */
@Entity({ name: 'rescues' })
@Index('idx_rescues_name', ['name'])
@Index('idx_rescues_city', ['city'])
@Index('idx_rescues_region', ['region'])
@Index('idx_rescues_status', ['status'])
export class RescueEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 150 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ type: 'varchar', length: 100 })
  region!: string;

  @Column({ type: 'varchar', length: 16 })
  postcode!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, default: 'GB' })
  country!: string;

  /** pending until a platform admin verifies it; only a verified rescue publishes pets. */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: RescueStatus;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'json' })
  settings!: RescueSettings;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  deletedAt!: Date | null;
}
