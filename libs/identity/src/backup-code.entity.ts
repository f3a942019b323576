import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { HASH_COLUMN } from './refresh-token.entity';

/** A single-use two-factor backup code, stored as its SHA-256. */
@Entity({ name: 'two_factor_backup_codes' })
@Index('uq_backup_codes_user_hash', ['userId', 'codeHash'], { unique: true })
export class BackupCodeEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @Column(HASH_COLUMN)
  codeHash!: string;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  usedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_backup_codes_user' })
  user?: UserEntity;
}
