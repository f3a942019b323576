import type { MigrationInterface, QueryRunner } from 'typeorm';
// The list itself lives with the pets feature, which the demo and search seeders also read; a later change to
// it comes with a migration of its own that applies the difference (see docs/pets.md).
import { BREEDS } from '../reference/breeds';

/** Seeds the breed reference data (the `breeds` table comes from the catalog migration). */
export class Breeds1763810000000 implements MigrationInterface {
  name = 'Breeds1763810000000';

  async up(q: QueryRunner): Promise<void> {
    // Idempotent: a breed already present (added by hand or by a later list) is left as it is.
    await q.query(
      `INSERT INTO breeds (species, name) VALUES ${BREEDS.map(() => '(?, ?)').join(', ')} ON DUPLICATE KEY UPDATE name = name`,
      BREEDS.flatMap((breed) => [breed.species, breed.name]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM breeds WHERE (species, name) IN (${BREEDS.map(() => '(?, ?)').join(', ')})`,
      BREEDS.flatMap((breed) => [breed.species, breed.name]),
    );
  }
}
