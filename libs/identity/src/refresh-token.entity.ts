import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';

const HASH_COLUMN = { type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' } as const;

/** A refresh token, stored as its SHA-256. Spent once (`usedAt`); a spent one presented again revokes its session. */
@Entity({ name: 'refresh_tokens' })
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_session', ['sessionId'])
export class RefreshTokenEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  sessionId!: string;

  @Column(HASH_COLUMN)
  tokenHash!: string;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  /** Idle timeout: unused until then, the token lapses. */
  @Column(TIMESTAMP_COLUMN)
  expiresAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, nullable: true })
  usedAt!: Date | null;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_tokens_session' })
  session?: AuthSessionEntity;
}

export { HASH_COLUMN };
