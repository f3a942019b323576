import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';

export type SessionRevocationReason =
  'logout' | 'revoked' | 'revoked_others' | 'password_reset' | 'password_changed' | 'two_factor_enabled' | 'refresh_reuse' | 'deactivated' | 'deleted';

/** One sign-in on one device: the family of its rotating refresh tokens. */
@Entity({ name: 'auth_sessions' })
@Index('idx_auth_sessions_user', ['userId', 'revokedAt', 'lastUsedAt'])
export class AuthSessionEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @Column({ type: 'varchar', length: 255 })
  device!: string;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  lastUsedAt!: Date;

  /** Absolute end of the session (30 days after sign-in), however often it is refreshed. */
  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason!: SessionRevocationReason | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_sessions_user' })
  user?: UserEntity;
}
