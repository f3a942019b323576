// The catalog's part of a user's personal data: what a data export shows of it and what erasing the account removes.
// The worker's privacy jobs call these two operations; every table they read or change is the catalog's own, and
// apps/worker/src/privacy/user-data-map.ts lists what happens to each.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TransactionContext } from '@app/database';
import type { DataSource } from 'typeorm';
import { PetAvailabilityChanges } from '../pets/pet-availability-changes';
import { PetsRepository } from '../pets/pets.repository';

/** Whose data: the account's id, and its address (invitations are addressed to it). */
export interface PersonalDataSubject {
  id: string;
  email: string;
}

const EXPORT_QUERIES = {
  rescueMemberships:
    'SELECT s.rescue_id AS rescueId, r.name AS rescueName, s.role, s.joined_at AS joinedAt FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id WHERE s.user_id = ? ORDER BY s.joined_at',
  // The invitee's address is someone else's personal data: left out.
  staffInvitationsSent:
    'SELECT id, rescue_id AS rescueId, role, created_at AS createdAt, accepted_at AS acceptedAt FROM staff_invitations WHERE invited_by = ? ORDER BY created_at',
  staffInvitationsReceived:
    'SELECT id, rescue_id AS rescueId, role, created_at AS createdAt, expires_at AS expiresAt, accepted_at AS acceptedAt FROM staff_invitations WHERE email = ? ORDER BY created_at',
  petListings: `SELECT id, name, species, primary_breed AS primaryBreed, secondary_breed AS secondaryBreed, sex, size, description, city, region,
      postcode, listing_status AS listingStatus, availability, created_at AS createdAt, published_at AS publishedAt, adopted_at AS adoptedAt,
      deleted_at AS deletedAt FROM pets WHERE owner_user_id = ? ORDER BY created_at`,
  favouritePets: 'SELECT pet_id AS petId, created_at AS createdAt FROM pet_favorites WHERE user_id = ? ORDER BY created_at',
  petStatusChanges:
    'SELECT id, pet_id AS petId, kind, from_status AS fromStatus, to_status AS toStatus, reason, created_at AS createdAt FROM pet_status_history WHERE actor_id = ? ORDER BY created_at',
  applications: `SELECT id, pet_id AS petId, status, status_reason AS statusReason, answers, submitted_at AS submittedAt, decided_at AS decidedAt,
      closed_at AS closedAt FROM applications WHERE applicant_id = ? ORDER BY submitted_at, id`,
  applicationReferencesGiven: `SELECT r.application_id AS applicationId, r.name, r.relationship, r.email, r.phone, r.status
      FROM application_references r JOIN applications a ON a.id = r.application_id WHERE a.applicant_id = ? ORDER BY a.submitted_at, r.position`,
  applicationDrafts:
    'SELECT id, pet_id AS petId, answers, reference_list AS `references`, created_at AS createdAt, updated_at AS updatedAt FROM application_drafts WHERE applicant_id = ? ORDER BY created_at',
  // The whole thread of the user's own applications, and what they wrote elsewhere (as a rescue's staff or a rehomer).
  applicationMessages: `SELECT m.id, m.application_id AS applicationId, m.sequence, m.sender_side AS senderSide, m.sender_id = ? AS sentByUser, m.body, m.created_at AS createdAt
      FROM application_messages m JOIN applications a ON a.id = m.application_id WHERE a.applicant_id = ? OR m.sender_id = ? ORDER BY m.created_at, m.id`,
  // Every step of the user's own applications, without the owner side's internal notes.
  applicationHistory: `SELECT h.id, h.application_id AS applicationId, h.from_status AS fromStatus, h.to_status AS toStatus, h.reason, h.created_at AS createdAt
      FROM application_status_history h JOIN applications a ON a.id = h.application_id WHERE a.applicant_id = ? ORDER BY h.created_at, h.id`,
  // Steps the user took on other people's applications, with the notes they wrote.
  applicationStatusChanges: `SELECT h.id, h.application_id AS applicationId, h.from_status AS fromStatus, h.to_status AS toStatus, h.note, h.reason, h.created_at AS createdAt
      FROM application_status_history h JOIN applications a ON a.id = h.application_id WHERE h.actor_id = ? AND a.applicant_id <> ? ORDER BY h.created_at, h.id`,
  medicalRecordsAuthored: `SELECT id, pet_id AS petId, type, DATE_FORMAT(record_date, '%Y-%m-%d') AS recordDate, title, created_at AS createdAt
      FROM medical_records WHERE created_by = ? OR verified_by = ? ORDER BY created_at`,
} as const;

/** JSON columns the catalog queries read: MariaDB returns them as text (its JSON is LONGTEXT), MySQL as values. */
const JSON_COLUMNS = new Set(['answers', 'references']);
/** Comparisons the queries select, which come back as 0 or 1. */
const BOOLEAN_COLUMNS = new Set(['sentByUser']);

function plainValue(key: string, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (JSON_COLUMNS.has(key) && typeof value === 'string') return JSON.parse(value);
  if (BOOLEAN_COLUMNS.has(key)) return Number(value) === 1;
  return value;
}

/** Dates as RFC 3339 strings, like the rest of the document; JSON columns as values; flags as booleans. */
const plain = (rows: Array<Record<string, unknown>>) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plainValue(key, value)])));

type Section = keyof typeof EXPORT_QUERIES;
export type CatalogPersonalDataExport = Record<Section, Array<Record<string, unknown>>>;

/** Every placeholder of an export query is the subject's id, but in the queries by address. */
const BY_EMAIL: ReadonlySet<Section> = new Set(['staffInvitationsReceived']);

/**
 * What erasure removes, in order. What the user wrote for others (messages on other people's applications, history
 * notes, medical records) stays, now pointing at an anonymous account.
 */
const ERASE_STATEMENTS: ReadonlyArray<readonly [string, string, (subject: PersonalDataSubject) => string]> = [
  ['rescueMemberships', 'DELETE FROM rescue_staff WHERE user_id = ?', (s) => s.id],
  ['favouritePets', 'DELETE FROM pet_favorites WHERE user_id = ?', (s) => s.id],
  ['staffInvitationsReceived', 'DELETE FROM staff_invitations WHERE email = ?', (s) => s.email],
  ['applicationDrafts', 'DELETE FROM application_drafts WHERE applicant_id = ?', (s) => s.id],
  ['assignments', 'UPDATE applications SET assignee_id = NULL WHERE assignee_id = ?', (s) => s.id],
  // Other people's notifications about the user's applications name the user: they go before the applications.
  [
    'notificationsAboutApplications',
    "DELETE n FROM notifications n JOIN applications a ON n.resource_type = 'application' AND n.resource_id = a.id WHERE a.applicant_id = ?",
    (s) => s.id,
  ],
  // With their history, references, home visits and messages (ON DELETE CASCADE).
  ['applications', 'DELETE FROM applications WHERE applicant_id = ?', (s) => s.id],
  // An individual's own listings go with them (their history, favourites, records and applications by ON DELETE CASCADE).
  ['petListings', 'DELETE FROM pets WHERE owner_user_id = ?', (s) => s.id],
];

@Injectable()
export class CatalogPersonalData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pets: PetsRepository,
    private readonly availability: PetAvailabilityChanges,
  ) {}

  /** Every catalog row about the subject, section by section, as plain JSON values. */
  async exportOf(subject: PersonalDataSubject): Promise<CatalogPersonalDataExport> {
    const sections = {} as CatalogPersonalDataExport;
    for (const section of Object.keys(EXPORT_QUERIES) as Section[]) {
      const sql = EXPORT_QUERIES[section];
      const value = BY_EMAIL.has(section) ? subject.email : subject.id;
      sections[section] = plain(
        await this.dataSource.query(
          sql,
          Array.from(sql.matchAll(/\?/g), () => value),
        ),
      );
    }
    return sections;
  }

  /**
   * In `tx`: releases the pets promised to the subject, then deletes their catalog rows. Returns how many rows of
   * each kind went (`petsReleased` among them), for the anonymisation's audit entry.
   */
  async erase(tx: TransactionContext, subject: PersonalDataSubject): Promise<Record<string, number>> {
    const removed: Record<string, number> = { petsReleased: await this.releasePetsPromisedTo(tx, subject.id) };
    for (const [name, sql, param] of ERASE_STATEMENTS) {
      const result = await tx.manager.query(sql, [param(subject)]);
      removed[name] = Number(result.affectedRows ?? 0);
    }
    return removed;
  }

  /**
   * A pet held for one of the user's approved applications (pending) is available again, as when an applicant
   * withdraws: through the same availability change as the api's, so it is in the pet's history and the audit log
   * (by the platform: actor null) and the pet's fans hear of it.
   */
  private async releasePetsPromisedTo(tx: TransactionContext, userId: string): Promise<number> {
    const held: Array<{ petId: string }> = await tx.manager.query(
      `SELECT DISTINCT a.pet_id AS petId FROM applications a JOIN pets p ON p.id = a.pet_id
        WHERE a.applicant_id = ? AND a.status = 'approved' AND p.availability = 'pending' ORDER BY a.pet_id`,
      [userId],
    );
    let released = 0;
    for (const { petId } of held) {
      const pet = await this.pets.lockById(tx, petId);
      // Re-checked under the lock: the read above took none.
      if (pet?.availability !== 'pending') continue;
      await this.availability.applyLocked(tx, pet, 'available', null, "adoption cancelled: the applicant's account was deleted");
      released++;
    }
    return released;
  }
}
