import type { HomeVisitOutcome } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** A visit of the owner side to an applicant's home: scheduled, then passed, failed or cancelled (final). */
@Entity({ name: 'application_home_visits' })
@Index('idx_application_home_visits_application', ['applicationId', 'scheduledAt'])
export class HomeVisitEntity extends VersionedEntity {
  @Column(ID_COLUMN)
  applicationId!: string;

  @Column(TIMESTAMP_COLUMN)
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  outcome!: HomeVisitOutcome;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  scheduledBy!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  recordedBy!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  recordedAt!: Date | null;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_home_visits_application' })
  application?: ApplicationEntity;
}
