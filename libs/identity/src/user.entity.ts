import type { Role, UserStatus } from '@app/contracts';
import { Column, Entity, Index } from 'typeorm';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';

@Entity({ name: 'users' })
@Index('uq_users_email', ['email'], { unique: true })
@Index('idx_users_role_created', ['role', 'createdAt'])
@Index('idx_users_status_created', ['status', 'createdAt'])
@Index('idx_users_created', ['createdAt'])
export class UserEntity extends VersionedEntity {
  /** Stored lower-cased and trimmed, so that case variants are one account (and one brute-force counter). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20, default: 'adopter' })
  role!: Role;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: UserStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  /** AES-256-GCM encrypted TOTP secret, once two-factor is enabled. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  twoFactorSecret!: string | null;

  /** Encrypted secret between setup and the first confirming code. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  twoFactorPendingSecret!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  twoFactorEnabledAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  deletionRequestedAt!: Date | null;

  @Column({ ...ID_COLUMN, nullable: true })
  deletionJobId!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  lastLoginAt!: Date | null;
}
