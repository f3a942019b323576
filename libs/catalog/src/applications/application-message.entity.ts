import type { MessageSide } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApplicationEntity } from './application.entity';

/** A message in the thread between an applicant and the owner side of the pet. */
@Entity({ name: 'application_messages' })
@Index('idx_application_messages_application', ['applicationId', 'createdAt'])
@Index('uq_application_messages_sequence', ['applicationId', 'sequence'], { unique: true })
export class ApplicationMessageEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  applicationId!: string;

  /** 1, 2, 3, … within the thread, in the order the messages were sent (see ApplicationMessagesRepository.insert). */
  @Column({ type: 'int', unsigned: true })
  sequence!: number;

  /** No foreign key: a message stays in the thread after its sender's account is gone. */
  @Column({ ...ID_COLUMN, nullable: true })
  senderId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  senderSide!: MessageSide;

  @Column({ type: 'text' })
  body!: string;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_messages_application' })
  application?: ApplicationEntity;
}
