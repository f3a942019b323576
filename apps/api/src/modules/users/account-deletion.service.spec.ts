import { describe, expect, it } from 'vitest';
import { FakeAudit, fakeConfig, FakeJobProducer, FakeSessions, InMemoryUsersRepository, principalOf, userRow } from '../../../../../test/support/users-fakes';
import { AccountDeletionService, DELETION_CANCELLED } from './account-deletion.service';

const GRACE_SECONDS = 3600;

function setup() {
  const repository = new InMemoryUsersRepository();
  const audit = new FakeAudit();
  const sessions = new FakeSessions();
  const producer = new FakeJobProducer(repository);
  const service = new AccountDeletionService(
    repository,
    sessions.asRepository(),
    audit.asService(),
    producer.asProducer(),
    fakeConfig({ ACCOUNT_DELETION_GRACE_SECONDS: GRACE_SECONDS }),
  );
  return { repository, audit, sessions, producer, service };
}

describe('AccountDeletionService.requestDeletion', () => {
  it('marks the account pending deletion, revokes its sessions and schedules anonymisation after the grace period', async () => {
    const { repository, audit, sessions, producer, service } = setup();
    const ada = userRow();
    repository.add(ada);
    sessions.live.set(ada.id, 3);
    const before = Date.now();
    const { jobId } = await service.requestDeletion(principalOf(ada), ada.id);

    expect(producer.requests).toEqual([
      { id: jobId, name: 'privacy.anonymise-user', payload: { userId: ada.id }, createdBy: ada.id, delayMs: GRACE_SECONDS * 1000 },
    ]);
    const stored = repository.users.get(ada.id)!;
    expect(stored).toMatchObject({ status: 'pending_deletion', deletionJobId: jobId, version: 2 });
    expect(stored.deletionRequestedAt!.getTime()).toBeGreaterThanOrEqual(before);
    // Every session, and their access tokens at once (not only at their expiry).
    expect(sessions.revocations).toEqual([{ userId: ada.id, reason: 'deleted', keepSessionId: undefined, options: { endAccessTokens: true } }]);
    expect(audit.events).toEqual([
      {
        action: 'user.deletion_requested',
        targetType: 'user',
        targetId: ada.id,
        before: { status: 'active' },
        after: {
          status: 'pending_deletion',
          jobId,
          anonymiseAfter: new Date(stored.deletionRequestedAt!.getTime() + GRACE_SECONDS * 1000).toISOString(),
          sessionsRevoked: 3,
        },
      },
    ]);
  });

  it('answers 409 to a second request while one is pending, without a second job', async () => {
    const { repository, producer, service } = setup();
    const ada = userRow();
    repository.add(ada);
    await service.requestDeletion(principalOf(ada), ada.id);
    await expect(service.requestDeletion(principalOf(ada), ada.id)).rejects.toMatchObject({ code: 'CONFLICT', details: { status: 'pending_deletion' } });
    expect(producer.requests).toHaveLength(1);
  });

  it('answers 404 to anyone but the owner, admins included, and changes nothing', async () => {
    const { repository, producer, service } = setup();
    const ada = userRow();
    const root = userRow({ role: 'super_admin' });
    repository.add(ada, root);
    await expect(service.requestDeletion(principalOf(root), ada.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(repository.users.get(ada.id)?.status).toBe('active');
    expect(producer.requests).toEqual([]);
  });

  it('refuses the last active super_admin, and allows one when another remains', async () => {
    const { repository, service } = setup();
    const root = userRow({ role: 'super_admin' });
    repository.add(root);
    await expect(service.requestDeletion(principalOf(root), root.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(repository.users.get(root.id)?.status).toBe('active');
    repository.add(userRow({ role: 'super_admin' }));
    await expect(service.requestDeletion(principalOf(root), root.id)).resolves.toEqual({ jobId: expect.any(String) });
  });
});

describe('AccountDeletionService.cancelDeletion', () => {
  it('restores the account, withdraws the job (row and queue) and audits it', async () => {
    const { repository, audit, producer, service } = setup();
    const ada = userRow();
    repository.add(ada);
    const { jobId } = await service.requestDeletion(principalOf(ada), ada.id);
    audit.events = [];
    const dto = await service.cancelDeletion(principalOf(ada), ada.id);
    expect(dto).toMatchObject({ id: ada.id, status: 'active', version: 3 });
    expect(repository.users.get(ada.id)).toMatchObject({ deletionRequestedAt: null, deletionJobId: null });
    expect(repository.jobs.find((j) => j.id === jobId)).toMatchObject({ status: 'failed', errorCode: DELETION_CANCELLED });
    expect(producer.removed).toEqual([jobId]);
    expect(audit.events).toEqual([
      { action: 'user.deletion_cancelled', targetType: 'user', targetId: ada.id, before: { status: 'pending_deletion', jobId }, after: { status: 'active' } },
    ]);
  });

  it('lets an account manager cancel for the owner, but answers 404 to another user', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    const bob = userRow();
    const admin = userRow({ role: 'admin' });
    repository.add(ada, bob, admin);
    await service.requestDeletion(principalOf(ada), ada.id);
    await expect(service.cancelDeletion(principalOf(bob), ada.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(repository.users.get(ada.id)?.status).toBe('pending_deletion');
    expect((await service.cancelDeletion(principalOf(admin), ada.id)).status).toBe('active');
  });

  it('answers 409 when no deletion is pending or the grace period is over, leaving the queue alone', async () => {
    const { repository, producer, service } = setup();
    const ada = userRow();
    const late = userRow({
      status: 'pending_deletion',
      deletionRequestedAt: new Date(Date.now() - (GRACE_SECONDS + 1) * 1000),
      deletionJobId: '00000000-0000-7000-8000-00000000abcd',
    });
    repository.add(ada, late);
    await expect(service.cancelDeletion(principalOf(ada), ada.id)).rejects.toMatchObject({ code: 'CONFLICT', details: { status: 'active' } });
    await expect(service.cancelDeletion(principalOf(late), late.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(repository.users.get(late.id)?.status).toBe('pending_deletion');
    expect(producer.removed).toEqual([]);
  });
});
