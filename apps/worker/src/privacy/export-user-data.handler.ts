import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLogEntity } from '@app/audit';
import {
  AuthSessionEntity,
  BackupCodeEntity,
  DataExportEntity,
  UserEntity,
  UserPreferencesEntity,
} from '@app/identity';
import { JOB, JobEntity, JobProducer, type JobPayloads } from '@app/jobs';
import { NotificationEntity } from '@app/notifications';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { HandlesJob, type JobContext, type JobHandler } from '../handlers/job-handler';

export const DATA_EXPORT_TTL_MS = 7 * 24 * 3600_000;
const BATCH = 1000;
const ID = /^[0-9a-f-]{36}$/;

type Payload = JobPayloads[typeof JOB.exportUserData];

/** The export document: everything the platform holds about the user (see user-data-map.ts). */
export interface UserDataDocument {
  format: 'user-data-export';
  formatVersion: 1;
  generatedAt: string;
  profile: Record<string, unknown>;
  preferences: Record<string, unknown> | null;
  sessions: Array<Record<string, unknown>>;
  twoFactorBackupCodes: { total: number; unused: number };
  auditEntries: Array<Record<string, unknown>>;
  jobs: Array<Record<string, unknown>>;
  earlierExports: Array<Record<string, unknown>>;
  rescueMemberships: Array<Record<string, unknown>>;
  staffInvitationsSent: Array<Record<string, unknown>>;
  staffInvitationsReceived: Array<Record<string, unknown>>;
  petListings: Array<Record<string, unknown>>;
  favouritePets: Array<Record<string, unknown>>;
  petStatusChanges: Array<Record<string, unknown>>;
  medicalRecordsAuthored: Array<Record<string, unknown>>;
  notifications: Array<Record<string, unknown>>;
  applications: Array<Record<string, unknown>>;
  applicationReferencesGiven: Array<Record<string, unknown>>;
  applicationDrafts: Array<Record<string, unknown>>;
  applicationMessages: Array<Record<string, unknown>>;
  applicationHistory: Array<Record<string, unknown>>;
  applicationStatusChanges: Array<Record<string, unknown>>;
}

// The catalog's tables are read with plain SQL: their entities belong to the api, which the worker never imports.
const CATALOG_QUERIES = {
  rescueMemberships:
    'SELECT s.rescue_id AS rescueId, r.name AS rescueName, s.role, s.joined_at AS joinedAt FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id WHERE s.user_id = ? ORDER BY s.joined_at',
  // The invitee's address is someone else's personal data: left out.
  staffInvitationsSent: 'SELECT id, rescue_id AS rescueId, role, created_at AS createdAt, accepted_at AS acceptedAt FROM staff_invitations WHERE invited_by = ? ORDER BY created_at',
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
const plain = (rows: Array<Record<string, unknown>>) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plainValue(key, value)])));

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Assembles a user's complete data export into `data_exports` (kept 7 days) and mails the owner a link.
 * At-least-once safe: the export row is keyed by the job id (a redelivery reuses it) and the mail job id is
 * derived from it (a redelivery does not mail twice).
 */
@Injectable()
@HandlesJob(JOB.exportUserData)
export class ExportUserDataHandler implements JobHandler<typeof JOB.exportUserData> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  validate(payload: unknown): string | null {
    if (payload === null || typeof payload !== 'object') return 'payload must be an object';
    const { userId, trackedJobId } = payload as Partial<Payload>;
    if (typeof userId !== 'string' || !ID.test(userId)) return 'userId must be a user id';
    if (typeof trackedJobId !== 'string' || !ID.test(trackedJobId)) return 'trackedJobId is required: the export is stored under it';
    return null;
  }

  async handle(job: Job<Payload>, context: JobContext): Promise<Record<string, unknown>> {
    const { userId } = job.data;
    const jobId = job.data.trackedJobId!;
    const exports = this.dataSource.getRepository(DataExportEntity);

    let stored = await exports.findOneBy({ jobId });
    if (!stored) {
      const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user || user.status === 'deleted') throw new UnrecoverableError(`user ${userId} no longer exists`);
      await context.progress(5);
      const document = await this.collect(user, context);
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(DataExportEntity)
        .values({ jobId, userId, content: JSON.stringify(document), expiresAt: new Date(Date.now() + DATA_EXPORT_TTL_MS) } as QueryDeepPartialEntity<DataExportEntity>)
        // A concurrent redelivery may have written it first; its row wins and this one is dropped.
        .orUpdate(['job_id'], ['job_id'])
        .execute();
      stored = await exports.findOneByOrFail({ jobId });
    }
    await context.progress(90);

    const owner = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (owner && owner.status !== 'deleted') {
      await this.producer.enqueue(
        JOB.sendEmail,
        { template: 'data-export-ready', to: owner.email, userId, params: { jobId, userId, expiresAt: stored.expiresAt.toISOString() } },
        { jobId: `data-export-ready-${jobId}` },
      );
    }
    await context.progress(100);
    const document = JSON.parse(stored.content) as UserDataDocument;
    return {
      exportJobId: jobId,
      expiresAt: stored.expiresAt.toISOString(),
      counts: { sessions: document.sessions.length, auditEntries: document.auditEntries.length, jobs: document.jobs.length },
    };
  }

  private async collect(user: UserEntity, context: JobContext): Promise<UserDataDocument> {
    const manager = this.dataSource.manager;
    const preferences = await manager.findOneBy(UserPreferencesEntity, { userId: user.id });
    await context.progress(15);
    const sessions = await manager.find(AuthSessionEntity, { where: { userId: user.id }, order: { createdAt: 'ASC' } });
    const backupCodes = await manager.find(BackupCodeEntity, { where: { userId: user.id }, select: { id: true, usedAt: true } });
    await context.progress(30);
    const auditEntries = await this.auditEntriesOf(user.id);
    await context.progress(60);
    const jobs = await manager.find(JobEntity, { where: { createdBy: user.id }, order: { createdAt: 'ASC' } });
    const earlierExports = await manager.find(DataExportEntity, { where: { userId: user.id }, select: { jobId: true, createdAt: true, expiresAt: true }, order: { createdAt: 'ASC' } });
    await context.progress(70);
    const catalog = async (name: keyof typeof CATALOG_QUERIES, ...params: string[]) => plain(await manager.query(CATALOG_QUERIES[name], params));
    const rescueMemberships = await catalog('rescueMemberships', user.id);
    const staffInvitationsSent = await catalog('staffInvitationsSent', user.id);
    const staffInvitationsReceived = await catalog('staffInvitationsReceived', user.email);
    const petListings = await catalog('petListings', user.id);
    const favouritePets = await catalog('favouritePets', user.id);
    const petStatusChanges = await catalog('petStatusChanges', user.id);
    const medicalRecordsAuthored = await catalog('medicalRecordsAuthored', user.id, user.id);
    const applications = await catalog('applications', user.id);
    const applicationReferencesGiven = await catalog('applicationReferencesGiven', user.id);
    const applicationDrafts = await catalog('applicationDrafts', user.id);
    const applicationMessages = await catalog('applicationMessages', user.id, user.id, user.id);
    const applicationHistory = await catalog('applicationHistory', user.id);
    const applicationStatusChanges = await catalog('applicationStatusChanges', user.id, user.id);
    const notifications = await manager.find(NotificationEntity, { where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    await context.progress(80);

    return {
      format: 'user-data-export',
      formatVersion: 1,
      generatedAt: new Date().toISOString(),
      profile: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        status: user.status,
        emailVerifiedAt: iso(user.emailVerifiedAt),
        phone: user.phone,
        city: user.city,
        bio: user.bio,
        twoFactorEnabledAt: iso(user.twoFactorEnabledAt),
        lastLoginAt: iso(user.lastLoginAt),
        deletionRequestedAt: iso(user.deletionRequestedAt),
        createdAt: iso(user.createdAt),
        updatedAt: iso(user.updatedAt),
      },
      preferences: preferences && {
        notifications: preferences.notifications,
        quietHours: preferences.quietHours,
        locale: preferences.locale,
        timezone: preferences.timezone,
        updatedAt: iso(preferences.updatedAt),
      },
      sessions: sessions.map((s) => ({
        id: s.id,
        device: s.device,
        ip: s.ip,
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastUsedAt),
        expiresAt: iso(s.expiresAt),
        revokedAt: iso(s.revokedAt),
        revokedReason: s.revokedReason,
      })),
      twoFactorBackupCodes: { total: backupCodes.length, unused: backupCodes.filter((c) => c.usedAt === null).length },
      auditEntries,
      jobs: jobs.map((j) => ({
        id: j.id,
        type: j.type,
        status: j.status,
        result: j.result,
        errorCode: j.errorCode,
        createdAt: iso(j.createdAt),
        finishedAt: iso(j.finishedAt),
      })),
      earlierExports: earlierExports.map((e) => ({ jobId: e.jobId, createdAt: iso(e.createdAt), expiresAt: iso(e.expiresAt) })),
      rescueMemberships,
      staffInvitationsSent,
      staffInvitationsReceived,
      petListings,
      favouritePets,
      petStatusChanges,
      medicalRecordsAuthored,
      applications,
      applicationReferencesGiven,
      applicationDrafts,
      applicationMessages,
      applicationHistory,
      applicationStatusChanges,
      notifications: notifications.map((n) => ({
        id: n.id,
        type: n.type,
        title: n.title,
        body: n.body,
        resourceType: n.resourceType,
        resourceId: n.resourceId,
        inApp: n.inApp,
        readAt: iso(n.readAt),
        emailStatus: n.emailStatus,
        emailSentAt: iso(n.emailSentAt),
        createdAt: iso(n.createdAt),
      })),
    };
  }

  /** Every entry the user is the actor of, oldest first, read in keyset batches to bound each query. */
  private async auditEntriesOf(userId: string): Promise<Array<Record<string, unknown>>> {
    const entries: Array<Record<string, unknown>> = [];
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const query = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a').where('a.actor_id = :userId', { userId });
      if (after) query.andWhere('(a.created_at > :at OR (a.created_at = :at AND a.id > :id))', { at: after.createdAt, id: after.id });
      const batch = await query.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').limit(BATCH).getMany();
      for (const a of batch) {
        entries.push({
          id: a.id,
          action: a.action,
          targetType: a.targetType,
          targetId: a.targetId,
          before: a.beforeState ?? null,
          after: a.afterState ?? null,
          ip: a.ip,
          createdAt: iso(a.createdAt),
        });
      }
      if (batch.length < BATCH) return entries;
      after = batch[batch.length - 1];
    }
  }
}
