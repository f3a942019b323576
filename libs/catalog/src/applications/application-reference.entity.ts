import type { ReferenceStatus } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** A person who vouches for an applicant, and what the owner side learnt from them. */
@Entity({ name: 'application_references' })
@Index('idx_application_references_application', ['applicationId', 'position'])
export class ApplicationReferenceEntity extends VersionedEntity {
  @Column(ID_COLUMN)
  applicationId!: string;

  /** The order the applicant gave them in. */
  @Column({ type: 'tinyint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  relationship!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ReferenceStatus;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  contactedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  verifiedAt!: Date | null;

  @Column({ ...ID_COLUMN, nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_references_application' })
  application?: ApplicationEntity;
}
