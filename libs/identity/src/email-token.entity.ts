import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { HASH_COLUMN } from './refresh-token.entity';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

/** Single-use, expiring token sent by e-mail; only its SHA-256 is stored. */
@Entity({ name: 'email_tokens' })
@Index('uq_email_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_email_tokens_user', ['userId', 'purpose'])
export class EmailTokenEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: EmailTokenPurpose;

  @Column(HASH_COLUMN)
  tokenHash!: string;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  usedAt!: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_email_tokens_user' })
  user?: UserEntity;
}
