import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLogEntity } from '@app/audit';
import { CatalogPersonalData, type CatalogPersonalDataExport } from '@app/catalog';
import { AuthSessionEntity, BackupCodeEntity, DataExportEntity, UserEntity, UserPreferencesEntity } from '@app/identity';
import { JOB, JobEntity, JobProducer, type JobPayloads } from '@app/jobs';
import { NotificationEntity } from '@app/notifications';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { HandlesJob, type JobContext, type JobHandler } from '../handlers/job-handler';

export const DATA_EXPORT_TTL_MS = 7 * 24 * 3600_000;
const BATCH = 1000;

type Payload = JobPayloads[typeof JOB.exportUserData];

/** The export document: everything the platform holds about the user (see user-data-map.ts). */
export interface UserDataDocument extends CatalogPersonalDataExport {
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
  notifications: Array<Record<string, unknown>>;
}

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
    private readonly catalog: CatalogPersonalData,
  ) {}

  async handle(job: Job<Payload>, context: JobContext): Promise<Record<string, unknown>> {
    const { userId } = job.data;
    const jobId = job.data.trackedJobId!;
    const dataExports = this.dataSource.getRepository(DataExportEntity);

    let stored = await dataExports.findOneBy({ jobId });
    if (!stored) {
      const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user || user.status === 'deleted') throw new UnrecoverableError(`user ${userId} no longer exists`);
      await context.progress(5);
      const document = await this.collect(user, context);
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(DataExportEntity)
        .values({
          jobId,
          userId,
          content: JSON.stringify(document),
          expiresAt: new Date(Date.now() + DATA_EXPORT_TTL_MS),
        } as QueryDeepPartialEntity<DataExportEntity>)
        // A concurrent redelivery may have written it first; its row wins and this one is dropped.
        .orUpdate(['job_id'], ['job_id'])
        .execute();
      stored = await dataExports.findOneByOrFail({ jobId });
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
    const earlierExports = await manager.find(DataExportEntity, {
      where: { userId: user.id },
      select: { jobId: true, createdAt: true, expiresAt: true },
      order: { createdAt: 'ASC' },
    });
    await context.progress(70);
    const catalog = await this.catalog.exportOf({ id: user.id, email: user.email });
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
      ...catalog,
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
