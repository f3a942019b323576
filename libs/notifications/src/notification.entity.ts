import type { NotificationResourceType, NotificationType } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { UserEntity } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Where the e-mail of a notification stands. `pending` rows are the outbox the worker delivers (and its sweeper
 * re-enqueues); the other states are final.
 */
export type NotificationEmailStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * One notification of one user, and the outbox row of its e-mail. `inApp` rows are what the notification centre
 * lists; a row with `inApp = false` exists only for its e-mail. `(userId, eventKey)` is unique: the same event
 * notified twice makes one row.
 */
@Entity({ name: 'notifications' })
@Index('uq_notifications_event', ['userId', 'eventKey'], { unique: true })
@Index('idx_notifications_centre', ['userId', 'inApp', 'createdAt', 'id'])
@Index('idx_notifications_unread', ['userId', 'inApp', 'readAt', 'createdAt', 'id'])
@Index('idx_notifications_email_due', ['emailStatus', 'emailDueAt'])
@Index('idx_notifications_retention', ['createdAt'])
export class NotificationEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: NotificationType;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  resourceType!: NotificationResourceType;

  @Column(ID_COLUMN)
  resourceId!: string;

  /** Unique per recipient; chosen by the producer (e.g. `application:<id>:submitted`). */
  @Column({ type: 'varchar', length: 200, charset: 'ascii', collation: 'ascii_bin' })
  eventKey!: string;

  /** Listed in the notification centre (the recipient's in-app preference when it was created). */
  @Column({ type: 'boolean' })
  inApp!: boolean;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  emailStatus!: NotificationEmailStatus;

  /** Why the e-mail was skipped (an EmailSkipReason) or why it failed (the last error). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  emailDetail!: string | null;

  /**
   * While pending: when its delivery job was handed to the queue, or the end of the quiet hours it waits for.
   * The sweeper re-enqueues pending rows still undelivered JOB_SWEEP_AFTER_MS after this time.
   */
  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  emailDueAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  emailSentAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: UserEntity;
}
