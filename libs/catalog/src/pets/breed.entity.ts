import type { Species } from '@app/contracts';
import { Entity, PrimaryColumn } from 'typeorm';

/** Reference data, seeded by a migration from libs/database/src/reference/breeds.ts. */
@Entity({ name: 'breeds' })
export class BreedEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  species!: Species;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  name!: string;
}
