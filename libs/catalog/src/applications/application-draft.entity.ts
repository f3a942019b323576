import type { ApplicationReferenceInputDto } from '@app/contracts';
import { ID_COLUMN, VersionedEntity } from '@app/database';
import { UserEntity } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PetEntity } from '../pets/pet.entity';

/** An application an adopter has started and not submitted: one per applicant and pet, only its author sees it. */
@Entity({ name: 'application_drafts' })
@Index('uq_application_drafts_applicant_pet', ['applicantId', 'petId'], { unique: true })
@Index('idx_application_drafts_applicant_created', ['applicantId', 'createdAt'])
@Index('idx_application_drafts_pet', ['petId'])
export class ApplicationDraftEntity extends VersionedEntity {
  @Column(ID_COLUMN)
  applicantId!: string;

  @Column(ID_COLUMN)
  petId!: string;

  @Column({ type: 'json' })
  answers!: Record<string, unknown>;

  @Column({ type: 'json', name: 'reference_list' })
  references!: ApplicationReferenceInputDto[];

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'fk_application_drafts_applicant' })
  applicant?: UserEntity;

  @ManyToOne(() => PetEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'pet_id', foreignKeyConstraintName: 'fk_application_drafts_pet' })
  pet?: PetEntity;
}
