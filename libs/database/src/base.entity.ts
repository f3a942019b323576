import { Column, PrimaryColumn } from 'typeorm';

/** Ids are UUIDv7 strings stored as ASCII, so the clustered index stays compact and insert-ordered. */
export const ID_COLUMN = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/** Millisecond precision: two changes within one second must still be ordered. */
export const TIMESTAMP_COLUMN = { type: 'datetime', precision: 3 } as const;

/** Change times and the optimistic-lock version of a mutable record. */
export abstract class VersionedRecord {
  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;

  @Column({ type: 'int', unsigned: true, default: 1 })
  version!: number;
}

/** Columns every shared, mutable record has: id, creation and change times, optimistic-lock version. */
export abstract class VersionedEntity extends VersionedRecord {
  @PrimaryColumn(ID_COLUMN)
  id!: string;
}
