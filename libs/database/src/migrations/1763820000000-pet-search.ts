import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public pet search (GET /pets) reads: a geographic cell per pet and indexes whose order IS each sort's
 * order. Every search index starts with (listing_status, deleted_at), the two conditions every public search has,
 * so a search is a range scan of published, live rows in the order it returns them. Plans: docs/search.md.
 */
export class PetSearch1763820000000 implements MigrationInterface {
  name = 'PetSearch1763820000000';

  async up(q: QueryRunner): Promise<void> {
    // Morton code of the pet's square on a 65,536² lat/lng grid (apps/api/src/modules/pet-search/geo-cell.ts);
    // null while the position is unknown.
    await q.query(`ALTER TABLE pets ADD COLUMN geo_cell INT UNSIGNED NULL AFTER longitude`);
    // Pets listed before this migration: the same code in SQL (bit i of x goes to bit 2i, bit i of y to 2i + 1).
    const x = 'LEAST(65535, GREATEST(0, FLOOR((longitude + 180) / 360 * 65536)))';
    const y = 'LEAST(65535, GREATEST(0, FLOOR((latitude + 90) / 180 * 65536)))';
    const bits = Array.from({ length: 16 }, (_, i) => `(((${x} >> ${i}) & 1) << ${2 * i}) | (((${y} >> ${i}) & 1) << ${2 * i + 1})`);
    await q.query(`UPDATE pets SET geo_cell = ${bits.join(' | ')} WHERE latitude IS NOT NULL AND longitude IS NOT NULL`);

    // Newest first is the default sort, so (published_at, id) are stored descending: the default order is then
    // a forward scan, the only direction in which both engines push filter conditions down to index entries
    // (index condition pushdown). The filter columns after the sort columns let a scan test size, sex, age,
    // flags and availability on the index entry, and let a capped count read no rows at all.
    const filterTail =
      'size, sex, birth_date_estimate, availability, good_with_children, good_with_dogs, good_with_cats, house_trained, special_needs, featured';
    await q.query(`ALTER TABLE pets
      ADD INDEX idx_pets_search_published (listing_status, deleted_at, published_at DESC, id DESC, species, ${filterTail}),
      ADD INDEX idx_pets_search_species (listing_status, deleted_at, species, published_at DESC, id DESC, ${filterTail}),
      ADD INDEX idx_pets_search_name (listing_status, deleted_at, name, id),
      ADD INDEX idx_pets_search_city (listing_status, deleted_at, city, published_at DESC, id DESC),
      ADD INDEX idx_pets_search_rescue (listing_status, deleted_at, rescue_id, published_at DESC, id DESC),
      ADD INDEX idx_pets_search_geo (listing_status, deleted_at, geo_cell, latitude, longitude, species)`);
    // InnoDB builds one FULLTEXT index per statement (and adds its hidden FTS_DOC_ID column with it).
    await q.query(`ALTER TABLE pets ADD FULLTEXT INDEX ft_pets_search (name, primary_breed, secondary_breed, description)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pets DROP INDEX ft_pets_search`);
    await q.query(`ALTER TABLE pets
      DROP INDEX idx_pets_search_geo,
      DROP INDEX idx_pets_search_rescue,
      DROP INDEX idx_pets_search_city,
      DROP INDEX idx_pets_search_name,
      DROP INDEX idx_pets_search_species,
      DROP INDEX idx_pets_search_published`);
    await q.query(`ALTER TABLE pets DROP COLUMN geo_cell`);
  }
}
