import type { ApplicationQuestionDto } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RescueEntity } from '../rescues/rescue.entity';

/** One version of an application form: a rescue's, or (rescueId null) the core library. Never changed once written. */
@Entity({ name: 'application_question_sets' })
@Index('uq_question_sets_rescue_version', ['rescueId', 'version'], { unique: true })
export class QuestionSetEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ ...ID_COLUMN, nullable: true })
  rescueId!: string | null;

  @Column({ type: 'int', unsigned: true })
  version!: number;

  @Column({ type: 'json' })
  questions!: ApplicationQuestionDto[];

  @Column({ ...ID_COLUMN, nullable: true })
  createdBy!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => RescueEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'rescue_id', foreignKeyConstraintName: 'fk_question_sets_rescue' })
  rescue?: RescueEntity;
}
