import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';

/** A finished data export, downloadable by its owner until `expiresAt` (7 days). */
@Entity({ name: 'data_exports' })
@Index('idx_data_exports_user', ['userId'])
@Index('idx_data_exports_expires', ['expiresAt'])
export class DataExportEntity {
  @PrimaryColumn(ID_COLUMN)
  jobId!: string;

  @Column(ID_COLUMN)
  userId!: string;

  /** The export document as JSON text. */
  @Column({ type: 'longtext' })
  content!: string;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_data_exports_user' })
  user?: UserEntity;
}
