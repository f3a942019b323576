import type { DataExportEntity } from '@app/identity';
import { describe, expect, it } from 'vitest';
import { FakeAudit, FakeJobProducer, InMemoryUsersRepository, principalOf, userRow } from '../../../../../test/support/users-fakes';
import { DataExportService } from './data-export.service';

function setup() {
  const repository = new InMemoryUsersRepository();
  const audit = new FakeAudit();
  const producer = new FakeJobProducer(repository);
  return { repository, audit, producer, service: new DataExportService(repository, audit.asService(), producer.asProducer()) };
}

const exportRow = (jobId: string, userId: string, expiresAt: Date): DataExportEntity =>
  Object.assign({} as DataExportEntity, {
    jobId,
    userId,
    content: JSON.stringify({ profile: { id: userId } }),
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    expiresAt,
  });

describe('DataExportService.requestExport', () => {
  it('starts a tracked export job for the owner and audits the request', async () => {
    const { repository, audit, producer, service } = setup();
    const ada = userRow();
    repository.add(ada);
    const { jobId } = await service.requestExport(principalOf(ada), ada.id);
    expect(producer.requests).toEqual([{ id: jobId, name: 'privacy.export-user-data', payload: { userId: ada.id }, createdBy: ada.id }]);
    expect(audit.events).toEqual([{ action: 'user.data_export_requested', targetType: 'user', targetId: ada.id, after: { jobId } }]);
  });

  it('returns the unfinished export instead of starting another, and a new one once it finished', async () => {
    const { repository, producer, service } = setup();
    const ada = userRow();
    repository.add(ada);
    const first = await service.requestExport(principalOf(ada), ada.id);
    expect(await service.requestExport(principalOf(ada), ada.id)).toEqual(first);
    expect(producer.requests).toHaveLength(1);
    repository.jobs[0].status = 'succeeded';
    expect((await service.requestExport(principalOf(ada), ada.id)).jobId).not.toBe(first.jobId);
  });

  it('answers 404 to anyone but the owner, admins included', async () => {
    const { repository, producer, service } = setup();
    const ada = userRow();
    const root = userRow({ role: 'super_admin' });
    repository.add(ada, root);
    await expect(service.requestExport(principalOf(root), ada.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(producer.requests).toEqual([]);
  });
});

describe('DataExportService.download', () => {
  it('serves the owner the stored document until it expires, and 404 to anyone else', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    const root = userRow({ role: 'super_admin' });
    repository.add(ada, root);
    const live = '00000000-0000-7000-8000-0000000e0001';
    const expired = '00000000-0000-7000-8000-0000000e0002';
    repository.exports.set(live, exportRow(live, ada.id, new Date(Date.now() + 60_000)));
    repository.exports.set(expired, exportRow(expired, ada.id, new Date(Date.now() - 1)));

    expect(await service.download(principalOf(ada), ada.id, live)).toEqual({
      jobId: live,
      generatedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: repository.exports.get(live)!.expiresAt.toISOString(),
      data: { profile: { id: ada.id } },
    });
    await expect(service.download(principalOf(ada), ada.id, expired)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.download(principalOf(root), ada.id, live)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Someone else's export under one's own user id is not one's own either.
    await expect(service.download(principalOf(root), root.id, live)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
