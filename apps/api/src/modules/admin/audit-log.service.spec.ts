import type { AuditLogEntity } from '@app/audit';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import { describe, expect, it } from 'vitest';
import { AdminRepository, type AuditFilter } from './admin.repository';
import { AuditLogService } from './audit-log.service';

class RecordingAdminRepository extends AdminRepository {
  calls: Array<{ filter: AuditFilter; after: KeysetPosition | null; limit: number }> = [];
  constructor(private readonly rows: AuditLogEntity[]) {
    super();
  }
  async listAudit(filter: AuditFilter, after: KeysetPosition | null, limit: number) {
    this.calls.push({ filter, after, limit });
    return this.rows.filter((r) => !after || r.createdAt < after.createdAt).slice(0, limit);
  }
  async countAudit() {
    return this.rows.length;
  }
  transaction = () => Promise.reject(new Error('unused'));
  findFeature = () => Promise.reject(new Error('unused'));
  updateFeature = () => Promise.reject(new Error('unused'));
  findAllConfig = () => Promise.reject(new Error('unused'));
  findConfig = () => Promise.reject(new Error('unused'));
  updateConfig = () => Promise.reject(new Error('unused'));
}

const entry = (n: number): AuditLogEntity =>
  Object.assign({} as AuditLogEntity, {
    id: `01900000-0000-7000-8000-00000000000${n}`,
    actorId: null,
    action: 'feature.updated',
    targetType: 'feature',
    targetId: 'chat.enabled',
    beforeState: { enabled: true },
    afterState: { enabled: false },
    requestId: 'req',
    ip: null,
    createdAt: new Date(Date.UTC(2026, 0, 10 - n)),
  });

describe('AuditLogService', () => {
  it('passes the filters as dates, maps entries and pages with a cursor', async () => {
    const repository = new RecordingAdminRepository([entry(1), entry(2), entry(3)]);
    const service = new AuditLogService(repository);
    const first = await service.list({ action: 'feature.updated', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', limit: 2 });
    expect(repository.calls[0]).toEqual({
      filter: {
        targetType: undefined,
        targetId: undefined,
        actorId: undefined,
        action: 'feature.updated',
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2026-02-01T00:00:00Z'),
      },
      after: null,
      limit: 3,
    });
    expect(first.items[0]).toEqual({
      id: entry(1).id,
      actorId: null,
      action: 'feature.updated',
      targetType: 'feature',
      targetId: 'chat.enabled',
      before: { enabled: true },
      after: { enabled: false },
      requestId: 'req',
      ip: null,
      createdAt: '2026-01-09T00:00:00.000Z',
    });
    expect(first.total).toBe(3);
    const second = await service.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.id)).toEqual([entry(3).id]);
    expect(second.nextCursor).toBeNull();
  });
});
