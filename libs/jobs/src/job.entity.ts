import { Column, Entity, Index } from 'typeorm';
import { ID_COLUMN, TIMESTAMP_COLUMN, VersionedEntity } from '@app/database';
import type { JobErrorCode } from './job-errors';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A long operation a caller asked for: written with the change that asks for it, updated by the worker. */
@Entity({ name: 'jobs' })
@Index('idx_jobs_status_created', ['status', 'createdAt'])
@Index('idx_jobs_created_by', ['createdBy', 'createdAt'])
export class JobEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: JobStatus;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progress!: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ type: 'json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'json', nullable: true })
  result!: Record<string, unknown> | null;

  /** Set when the job failed: what its owner is told (job-errors.ts). The cause is only ever logged. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode!: JobErrorCode | null;

  @Column({ ...ID_COLUMN, nullable: true })
  createdBy!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  enqueuedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  startedAt!: Date | null;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  finishedAt!: Date | null;
}
