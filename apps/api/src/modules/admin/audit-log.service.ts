import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type { AuditEntryPageDto, ListAuditEntriesQuery } from '@app/contracts';
import { toAuditEntryDto } from './admin.mapper';
import { AdminRepository } from './admin.repository';

/** Reading the audit log, newest first. */
@Injectable()
export class AuditLogService {
  constructor(private readonly admin: AdminRepository) {}

  /** `total` is one COUNT(*) over the same filters; with no filter it scans an index of the whole log. */
  async list(query: ListAuditEntriesQuery): Promise<AuditEntryPageDto> {
    const filter = {
      targetType: query.targetType,
      targetId: query.targetId,
      actorId: query.actorId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const [rows, total] = await Promise.all([this.admin.listAudit(filter, after, limit + 1), this.admin.countAudit(filter)]);
    return { ...toKeysetPage(rows, limit, toAuditEntryDto), total };
  }
}
