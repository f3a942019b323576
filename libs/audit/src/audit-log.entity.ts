import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';

/** Append-only: rows are inserted and read, never updated or deleted by any code path. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_target', ['targetType', 'targetId', 'createdAt'])
@Index('idx_audit_actor', ['actorId', 'createdAt'])
@Index('idx_audit_action', ['action', 'createdAt'])
@Index('idx_audit_created', ['createdAt'])
export class AuditLogEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ ...ID_COLUMN, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  targetType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId!: string | null;

  @Column({ type: 'json', nullable: true })
  beforeState!: unknown;

  @Column({ type: 'json', nullable: true })
  afterState!: unknown;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
