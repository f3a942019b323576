import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@app/database';

/** One platform setting. Only entries marked public are served to anonymous clients. */
@Entity({ name: 'config_entries' })
@Index('idx_config_public', ['isPublic'])
export class ConfigEntryEntity extends VersionedRecord {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  key!: string;

  @Column({ type: 'json' })
  value!: unknown;

  @Column({ type: 'boolean', default: false })
  isPublic!: boolean;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;
}
