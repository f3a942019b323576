import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@app/database';

@Entity({ name: 'feature_flags' })
export class FeatureFlagEntity extends VersionedRecord {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  key!: string;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;
}
