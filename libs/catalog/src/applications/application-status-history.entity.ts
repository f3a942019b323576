import type { ApplicationStatus } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** Append-only: one row per status change of an application (the first for its submission), written in the change's transaction. */
@Entity({ name: 'application_status_history' })
@Index('idx_application_history_application', ['applicationId', 'createdAt'])
export class ApplicationStatusHistoryEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  applicationId!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: ApplicationStatus;

  /** null when the platform made the change; no foreign key: the history outlives the account. */
  @Column({ ...ID_COLUMN, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_history_application' })
  application?: ApplicationEntity;
}
