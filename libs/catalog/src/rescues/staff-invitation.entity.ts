import type { StaffRole } from '@app/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { RescueEntity } from './rescue.entity';

const HASH_COLUMN = { type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * An invitation to join a rescue, mailed to `email`. Only the SHA-256 of its token is stored; it is accepted at
 * most once (`acceptedAt`) and not after `expiresAt`. `invitedBy` has no foreign key on purpose: the invitation
 * stays a record of who invited whom after the inviter's account is gone.
 */
@Entity({ name: 'staff_invitations' })
@Index('uq_staff_invitations_hash', ['tokenHash'], { unique: true })
@Index('idx_staff_invitations_rescue', ['rescueId'])
export class StaffInvitationEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  rescueId!: string;

  /** Lower-cased and trimmed, like account e-mails. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  @Column(HASH_COLUMN)
  tokenHash!: string;

  @Column(ID_COLUMN)
  invitedBy!: string;

  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  acceptedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => RescueEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'rescue_id', foreignKeyConstraintName: 'fk_staff_invitations_rescue' })
  rescue?: RescueEntity;
}
