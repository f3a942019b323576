import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { describe, expect, it } from 'vitest';
import { fakeTx } from '../../../../../test/support/pets-fakes';
import { FakeNotifier } from '../../../../../test/support/notifications-fakes';
import type { NotifiedApplication } from './application-notifier';
import { ApplicationNotifications } from './application-notifier.adapter';
import { ApplicationRescues } from './application-ports';

class FakeRescues extends ApplicationRescues {
  constructor(private readonly members: Record<string, StaffRole>) {
    super();
  }
  async roleOf(userId: string) {
    return this.members[userId] ?? null;
  }
  async rescueIdsOf() {
    return ['rescue'];
  }
  async memberIdsOf(_rescueId: string, roles: readonly StaffRole[]) {
    return Object.entries(this.members)
      .filter(([, role]) => roles.includes(role))
      .map(([userId]) => userId);
  }
  async exists() {
    return true;
  }
  async waitlistsOnApproval() {
    return false;
  }
}

const application = (overrides: Partial<NotifiedApplication> = {}): NotifiedApplication => ({
  id: 'app-1',
  petId: 'pet-1',
  applicantId: 'ann',
  ownerType: 'rescue',
  rescueId: 'rescue',
  ownerUserId: null,
  assigneeId: null,
  petName: 'Biscuit',
  applicantName: 'Ann',
  ...overrides,
});

function setup() {
  const notifier = new FakeNotifier();
  const adapter = new ApplicationNotifications(notifier.asNotifier(), new FakeRescues({ boss: 'admin', helper: 'staff', walker: 'volunteer' }));
  const tx: TransactionContext = fakeTx();
  const recipients = () => notifier.notified.map((event) => event.userId).sort();
  return { notifier, adapter, tx, recipients };
}

describe('who hears about an application', () => {
  it("tells a rescue's admins and staff, not its volunteers, of a new application", async () => {
    const { adapter, tx, notifier, recipients } = setup();
    await adapter.submitted(tx, application());
    expect(recipients()).toEqual(['boss', 'helper']);
    expect(notifier.notified[0]).toMatchObject({
      type: 'application_submitted',
      resourceType: 'application',
      resourceId: 'app-1',
      eventKey: 'application-submitted:app-1',
    });
  });

  it('tells only the assignee once an application is assigned, and never the actor', async () => {
    const { adapter, tx, recipients } = setup();
    await adapter.messageReceived(tx, application({ assigneeId: 'helper' }), { id: 'm1', senderId: 'ann', fromApplicant: true, body: 'Hi' });
    expect(recipients()).toEqual(['helper']);
    const other = setup();
    await other.adapter.statusChanged(other.tx, [
      { application: application(), change: { historyId: 'h1', from: 'approved', to: 'withdrawn', reason: null, actorId: 'ann' } },
    ]);
    expect(other.recipients()).toEqual(['boss', 'helper']);
  });

  it("tells the applicant of the owner side's and the platform's steps, keyed by the history entry", async () => {
    const { adapter, tx, notifier } = setup();
    await adapter.statusChanged(tx, [
      { application: application(), change: { historyId: 'h9', from: 'under_review', to: 'rejected', reason: 'pet adopted', actorId: null } },
    ]);
    expect(notifier.notified).toEqual([
      expect.objectContaining({ userId: 'ann', type: 'application_status_changed', body: 'Reason: pet adopted', eventKey: 'application-status:h9' }),
    ]);
  });

  it('tells the rehomer of messages from the applicant, and the applicant of theirs', async () => {
    const { adapter, tx, notifier } = setup();
    const rehomed = application({ ownerType: 'individual', rescueId: null, ownerUserId: 'rex' });
    await adapter.messageReceived(tx, rehomed, { id: 'm1', senderId: 'ann', fromApplicant: true, body: 'x'.repeat(300) });
    await adapter.messageReceived(tx, rehomed, { id: 'm2', senderId: 'rex', fromApplicant: false, body: 'Hello' });
    expect(notifier.notified.map((event) => [event.userId, event.body.length])).toEqual([
      ['rex', 200],
      ['ann', 5],
    ]);
  });

  it('falls back to every admin and staff member when the assignee left the rescue', async () => {
    const { adapter, tx, recipients } = setup();
    await adapter.messageReceived(tx, application({ assigneeId: 'former-member' }), { id: 'm1', senderId: 'ann', fromApplicant: true, body: 'Hi' });
    expect(recipients()).toEqual(['boss', 'helper']);
  });

  it('does not tell someone who assigned an application to themselves', async () => {
    const { adapter, tx, notifier } = setup();
    await adapter.assigned(tx, application(), { assigneeId: 'boss', actorId: 'boss', version: 2 });
    await adapter.assigned(tx, application(), { assigneeId: 'helper', actorId: 'boss', version: 3 });
    expect(notifier.notified.map((event) => [event.userId, event.eventKey])).toEqual([['helper', 'application-assigned:app-1:3']]);
  });
});
