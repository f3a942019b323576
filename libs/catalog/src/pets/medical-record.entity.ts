import type { MedicalRecordType } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DATE_COLUMN, PetEntity } from './pet.entity';

/** A vaccination, treatment, surgery, check-up or test of a pet; verified by a platform admin, unverified again when changed. */
@Entity({ name: 'medical_records' })
@Index('idx_medical_records_pet', ['petId', 'recordDate'])
export class MedicalRecordEntity extends VersionedEntity {
  @Column(ID_COLUMN)
  petId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: MedicalRecordType;

  @Column(DATE_COLUMN)
  recordDate!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 150, nullable: true })
  vetName!: string | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  clinic!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  verifiedAt!: Date | null;

  /** No foreign key: kept as a record of who verified after that account is gone (as `createdBy`). */
  @Column({ ...ID_COLUMN, nullable: true })
  verifiedBy!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => PetEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'pet_id', foreignKeyConstraintName: 'fk_medical_records_pet' })
  pet?: PetEntity;
}
