import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
const HASH = 'CHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const NOW = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const FK = 'ON DELETE CASCADE ON UPDATE NO ACTION';

/** Rescues and their staff, pets with their status history, favourites, medical records and breeds. */
export class Catalog1763800000000 implements MigrationInterface {
  name = 'Catalog1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rescues (
      id ${ID} NOT NULL,
      name VARCHAR(150) NOT NULL,
      description TEXT NOT NULL,
      email VARCHAR(254) NOT NULL,
      phone VARCHAR(32) NULL,
      website VARCHAR(300) NULL,
      city VARCHAR(100) NOT NULL,
      region VARCHAR(100) NOT NULL,
      postcode VARCHAR(16) NOT NULL,
      country CHAR(2) NOT NULL DEFAULT 'GB',
      status VARCHAR(16) NOT NULL DEFAULT 'pending',
      verified_at DATETIME(3) NULL,
      rejection_reason VARCHAR(1000) NULL,
      settings JSON NOT NULL,
      deleted_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_rescues_name (name),
      KEY idx_rescues_city (city),
      KEY idx_rescues_region (region),
      KEY idx_rescues_status (status)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE rescue_staff (
      rescue_id ${ID} NOT NULL,
      user_id ${ID} NOT NULL,
      role VARCHAR(16) NOT NULL,
      joined_at ${NOW},
      PRIMARY KEY (rescue_id, user_id),
      KEY idx_rescue_staff_user (user_id),
      CONSTRAINT fk_rescue_staff_rescue FOREIGN KEY (rescue_id) REFERENCES rescues (id) ${FK},
      CONSTRAINT fk_rescue_staff_user FOREIGN KEY (user_id) REFERENCES users (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE staff_invitations (
      id ${ID} NOT NULL,
      rescue_id ${ID} NOT NULL,
      email VARCHAR(254) NOT NULL,
      role VARCHAR(16) NOT NULL,
      token_hash ${HASH} NOT NULL,
      invited_by ${ID} NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      accepted_at DATETIME(3) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      UNIQUE KEY uq_staff_invitations_hash (token_hash),
      KEY idx_staff_invitations_rescue (rescue_id),
      CONSTRAINT fk_staff_invitations_rescue FOREIGN KEY (rescue_id) REFERENCES rescues (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE pets (
      id ${ID} NOT NULL,
      owner_type VARCHAR(16) NOT NULL,
      rescue_id ${ID} NULL,
      owner_user_id ${ID} NULL,
      name VARCHAR(100) NOT NULL,
      species VARCHAR(16) NOT NULL,
      primary_breed VARCHAR(100) NOT NULL,
      secondary_breed VARCHAR(100) NULL,
      mixed_breed TINYINT(1) NOT NULL DEFAULT 0,
      birth_date DATE NULL,
      estimated_age_months SMALLINT UNSIGNED NULL,
      birth_date_estimate DATE NOT NULL,
      sex VARCHAR(8) NOT NULL,
      size VARCHAR(16) NOT NULL,
      colour VARCHAR(50) NOT NULL DEFAULT '',
      coat VARCHAR(16) NOT NULL DEFAULT 'short',
      weight_kg DECIMAL(6,2) NULL,
      description TEXT NOT NULL,
      temperament JSON NOT NULL,
      good_with_children TINYINT(1) NULL,
      good_with_dogs TINYINT(1) NULL,
      good_with_cats TINYINT(1) NULL,
      house_trained TINYINT(1) NOT NULL DEFAULT 0,
      special_needs TINYINT(1) NOT NULL DEFAULT 0,
      special_needs_notes VARCHAR(2000) NULL,
      energy_level VARCHAR(16) NOT NULL DEFAULT 'moderate',
      vaccinated TINYINT(1) NOT NULL DEFAULT 0,
      neutered TINYINT(1) NOT NULL DEFAULT 0,
      microchipped TINYINT(1) NOT NULL DEFAULT 0,
      adoption_fee DECIMAL(10,2) NULL,
      city VARCHAR(100) NOT NULL,
      region VARCHAR(100) NOT NULL,
      postcode VARCHAR(16) NOT NULL,
      latitude DECIMAL(9,6) NULL,
      longitude DECIMAL(9,6) NULL,
      featured TINYINT(1) NOT NULL DEFAULT 0,
      intake_date DATE NULL,
      listing_status VARCHAR(16) NOT NULL DEFAULT 'draft',
      availability VARCHAR(16) NOT NULL DEFAULT 'available',
      published_at DATETIME(3) NULL,
      adopted_at DATETIME(3) NULL,
      deleted_at DATETIME(3) NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_pets_rescue (rescue_id, listing_status, created_at),
      KEY idx_pets_owner_user (owner_user_id, listing_status, created_at),
      CONSTRAINT fk_pets_rescue FOREIGN KEY (rescue_id) REFERENCES rescues (id) ${FK},
      CONSTRAINT fk_pets_owner_user FOREIGN KEY (owner_user_id) REFERENCES users (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE pet_status_history (
      id ${ID} NOT NULL,
      pet_id ${ID} NOT NULL,
      kind VARCHAR(16) NOT NULL,
      from_status VARCHAR(16) NULL,
      to_status VARCHAR(16) NOT NULL,
      actor_id ${ID} NULL,
      reason VARCHAR(1000) NULL,
      created_at ${NOW},
      PRIMARY KEY (id),
      KEY idx_pet_history_pet (pet_id, created_at),
      CONSTRAINT fk_pet_history_pet FOREIGN KEY (pet_id) REFERENCES pets (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE pet_favorites (
      user_id ${ID} NOT NULL,
      pet_id ${ID} NOT NULL,
      created_at ${NOW},
      PRIMARY KEY (user_id, pet_id),
      KEY idx_pet_favorites_pet (pet_id),
      KEY idx_pet_favorites_user_created (user_id, created_at),
      CONSTRAINT fk_pet_favorites_user FOREIGN KEY (user_id) REFERENCES users (id) ${FK},
      CONSTRAINT fk_pet_favorites_pet FOREIGN KEY (pet_id) REFERENCES pets (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE medical_records (
      id ${ID} NOT NULL,
      pet_id ${ID} NOT NULL,
      type VARCHAR(16) NOT NULL,
      record_date DATE NOT NULL,
      title VARCHAR(200) NOT NULL,
      vet_name VARCHAR(150) NULL,
      clinic VARCHAR(150) NULL,
      notes TEXT NULL,
      verified_at DATETIME(3) NULL,
      verified_by ${ID} NULL,
      created_by ${ID} NULL,
      created_at ${NOW},
      updated_at ${NOW},
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY idx_medical_records_pet (pet_id, record_date),
      CONSTRAINT fk_medical_records_pet FOREIGN KEY (pet_id) REFERENCES pets (id) ${FK}
    ) ${TABLE}`);

    await q.query(`CREATE TABLE breeds (
      species VARCHAR(16) NOT NULL,
      name VARCHAR(100) NOT NULL,
      PRIMARY KEY (species, name)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['breeds', 'medical_records', 'pet_favorites', 'pet_status_history', 'pets', 'staff_invitations', 'rescue_staff', 'rescues']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
