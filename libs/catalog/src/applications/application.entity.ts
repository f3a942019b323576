import type { ApplicationStatus, PetOwnerType } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import { UserEntity } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PetEntity } from '../pets/pet.entity';
import { RescueEntity } from '../rescues/rescue.entity';
import { QuestionSetEntity } from './question-set.entity';

/**
 * An adoption application. The owner side (rescueId, or ownerUserId for an individual rehomer's pet) is copied
 * from the pet when it is submitted. activePetId / approvedPetId carry the pet id while the application is open /
 * approved and NULL otherwise; their unique keys are what make "one open application per applicant and pet" and
 * "one approved application per pet" hold under concurrency. Only the status change statement writes them.
 */
@Entity({ name: 'applications' })
@Index('uq_applications_applicant_active_pet', ['applicantId', 'activePetId'], { unique: true })
@Index('uq_applications_approved_pet', ['approvedPetId'], { unique: true })
// Every list is newest submission first: platform admins' (all, or by status) and each scope's own order.
@Index('idx_applications_submitted', ['submittedAt'])
@Index('idx_applications_status_submitted', ['status', 'submittedAt'])
@Index('idx_applications_applicant_submitted', ['applicantId', 'submittedAt'])
@Index('idx_applications_pet_status', ['petId', 'status'])
@Index('idx_applications_rescue_submitted', ['rescueId', 'submittedAt'])
@Index('idx_applications_owner_user_submitted', ['ownerUserId', 'submittedAt'])
@Index('idx_applications_assignee', ['assigneeId'])
@Index('idx_applications_question_set', ['questionSetId'])
export class ApplicationEntity extends VersionedEntity {
  @Column(ID_COLUMN)
  petId!: string;

  @Column(ID_COLUMN)
  applicantId!: string;

  @Column({ type: 'varchar', length: 16 })
  ownerType!: PetOwnerType;

  @Column({ ...ID_COLUMN, nullable: true })
  rescueId!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  ownerUserId!: string | null;

  @Column(ID_COLUMN)
  questionSetId!: string;

  @Column({ type: 'json' })
  answers!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20 })
  status!: ApplicationStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  assigneeId!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  activePetId!: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  approvedPetId!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  submittedAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  decidedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  closedAt!: Date | null;

  @ManyToOne(() => PetEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'pet_id', foreignKeyConstraintName: 'fk_applications_pet' })
  pet?: PetEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'fk_applications_applicant' })
  applicant?: UserEntity;

  @ManyToOne(() => RescueEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'rescue_id', foreignKeyConstraintName: 'fk_applications_rescue' })
  rescue?: RescueEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'fk_applications_owner_user' })
  ownerUser?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_applications_assignee' })
  assignee?: UserEntity;

  @ManyToOne(() => QuestionSetEntity, { onDelete: 'NO ACTION', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'question_set_id', foreignKeyConstraintName: 'fk_applications_question_set' })
  questionSet?: QuestionSetEntity;
}
