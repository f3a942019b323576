import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import { AuditService } from '@app/audit';
import type { JobAcceptedDto, UserDataExportDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { JOB, JobProducer } from '@app/jobs';
import { isSelf, userNotFound } from './user-access';
import { toUserDataExportDto } from './users.mapper';
import { UsersRepository } from './users.repository';

/**
 * Data exports (GDPR access and portability): the owner asks, the worker assembles everything the account owns
 * into a `data_exports` row kept 7 days, and mails a link. Nobody else, admins included, can ask or download.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
  ) {}

  /** While an export of the caller is still queued or running, asking again returns that job instead of a new one. */
  requestExport(caller: Principal, userId: string): Promise<JobAcceptedDto> {
    return this.users.transaction(async (tx) => {
      // The row lock serialises two concurrent requests, so only one of them starts a job.
      const user = isSelf(caller, userId) ? await this.users.lockById(tx, userId) : null;
      if (!user || user.status === 'deleted') throw userNotFound(userId);
      const unfinished = await this.users.findUnfinishedExportJob(tx, userId);
      if (unfinished) return { jobId: unfinished.id };
      const job = await this.producer.createTracked(tx, { name: JOB.exportUserData, payload: { userId }, createdBy: caller.userId });
      await this.audit.record(tx, { action: 'user.data_export_requested', targetType: 'user', targetId: userId, after: { jobId: job.id } });
      return { jobId: job.id };
    });
  }

  /** The owner only, until it expires; anything else is 404. */
  async download(caller: Principal, userId: string, jobId: string): Promise<UserDataExportDto> {
    const dataExport = isSelf(caller, userId) ? await this.users.findDataExport(jobId) : null;
    if (!dataExport || dataExport.userId !== userId || dataExport.expiresAt.getTime() <= Date.now()) {
      throw new NotFoundError('Data export', jobId);
    }
    return toUserDataExportDto(dataExport);
  }
}
