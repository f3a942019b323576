import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_COLUMN } from '@app/database';

const ASCII = { charset: 'ascii', collation: 'ascii_bin' } as const;

/** The first response to a create request, kept 24 h so that a retry with the same key gets it back. */
@Entity({ name: 'idempotency_keys' })
@Index('idx_idempotency_expires', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, ...ASCII })
  caller!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, ...ASCII })
  operation!: string;

  @PrimaryColumn({ type: 'varchar', length: 128, ...ASCII })
  idempotencyKey!: string;

  @Column({ type: 'char', length: 64, ...ASCII })
  requestHash!: string;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'mediumtext', nullable: true })
  responseBody!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;
}
