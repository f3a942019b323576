// The review workflow: every transition of the graph (and every one that is not), who may take each, optimistic
// versions, the history, approval's consequences for the pet and its other applications (also under 50 concurrent
// approvals), assignment, bulk changes, home visits, references and the message thread.
import type { ApplicationStatus, ReviewAction } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_TRANSITIONS } from '@app/catalog';
import { startApi, type TestApi } from '../support/api';
import { adoptablePet, moveTo, PATH_TO, review, submit, submittedApplication, type Rescue } from '../support/applications';
import { createUser, type TestUser } from '../support/identity';
import { openTestDataSource } from '../support/db';
import { dataSourceOf, rescueWithStaff } from '../support/pets';

let api: TestApi;
let db: DataSource;
beforeAll(async () => {
  api = await startApi();
  db = dataSourceOf(api);
});
afterAll(() => api.close());

const ALL_STATUSES = Object.keys(PATH_TO) as ApplicationStatus[];
const ALL_ACTIONS: ReviewAction[] = [
  'start_review',
  'start_reference_check',
  'start_home_visit',
  'approve',
  'waitlist',
  'reopen',
  'reject',
  'complete',
  'cancel',
  'withdraw',
];

const getApplication = (id: string, user: TestUser) => api.request('GET', `/api/v1/applications/${id}`, { token: user.token });
const petOf = async (petId: string) =>
  (await db.query('SELECT availability, version FROM pets WHERE id = ?', [petId]))[0] as { availability: string; version: number };
const statusOf = async (applicationId: string) =>
  (await db.query('SELECT status, version FROM applications WHERE id = ?', [applicationId]))[0] as { status: ApplicationStatus; version: number };
const notificationsOf = (userId: string, type: string) =>
  db.query('SELECT title, body, resource_id AS resourceId FROM notifications WHERE user_id = ? AND type = ? ORDER BY created_at, id', [
    userId,
    type,
  ]) as Promise<Array<{ title: string; body: string; resourceId: string }>>;

/** A rescue whose settings keep a waitlist: approving one application waitlists the pet's others. */
async function rescueKeepingWaitlist(): Promise<Rescue> {
  const rescue = await rescueWithStaff(api);
  await db.query("UPDATE rescues SET settings = JSON_SET(settings, '$.waitlistOnApproval', true) WHERE id = ?", [rescue.rescueId]);
  return rescue;
}

/** An application of a fresh adopter for a fresh pet of `rescue`, moved to `status`. */
async function applicationIn(status: ApplicationStatus, rescue: Rescue) {
  const { petId } = await adoptablePet(api, rescue);
  const { application, adopter } = await submittedApplication(api, petId);
  await moveTo(api, application.id, status, rescue.staff, adopter);
  return { id: application.id as string, petId, adopter };
}

describe('the workflow', () => {
  it('walks submitted → under review → reference check → home visit → approved → completed, recording each step', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const { application, adopter } = await submittedApplication(api, petId);
    let version = 1;
    for (const [action, to] of [
      ['start_review', 'under_review'],
      ['start_reference_check', 'reference_check'],
      ['start_home_visit', 'home_visit'],
      ['approve', 'approved'],
      ['complete', 'completed'],
    ] as const) {
      const res = await review(api, rescue.staff, application.id, action, { expectedVersion: version, note: `internal: ${action}`, reason: `step ${action}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: to, version: version + 1, statusReason: `step ${action}` });
      version += 1;
    }
    const staffHistory = await api.request('GET', `/api/v1/applications/${application.id}/history`, { token: rescue.staff.token });
    expect(staffHistory.body.items.map((e: { from: string | null; to: string; actorId: string }) => [e.from, e.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'reference_check'],
      ['reference_check', 'home_visit'],
      ['home_visit', 'approved'],
      ['approved', 'completed'],
    ]);
    expect(staffHistory.body.items[1]).toMatchObject({ actorId: rescue.staff.id, note: 'internal: start_review', reason: 'step start_review' });
    const applicantHistory = await api.request('GET', `/api/v1/applications/${application.id}/history`, { token: adopter.token });
    expect(applicantHistory.body.items[1]).toMatchObject({ note: null, reason: 'step start_review' });
    const done = await getApplication(application.id, adopter);
    expect(done.body).toMatchObject({ status: 'completed', decidedAt: expect.any(String), closedAt: expect.any(String), pet: { availability: 'adopted' } });
  });

  it('answers every transition the graph lacks with 409 INVALID_TRANSITION and changes nothing', async () => {
    const rescue = await rescueWithStaff(api);
    for (const status of ALL_STATUSES) {
      const { id, adopter } = await applicationIn(status, rescue);
      const before = await statusOf(id);
      for (const action of ALL_ACTIONS) {
        if (APPLICATION_TRANSITIONS.some((t) => t.from === status && t.action === action)) continue;
        const res = await review(api, action === 'withdraw' ? adopter : rescue.staff, id, action);
        expect({ status, action, code: res.body.code, httpStatus: res.status, details: res.body.details }).toEqual({
          status,
          action,
          code: 'INVALID_TRANSITION',
          httpStatus: 409,
          details: { from: status, action },
        });
      }
      expect(await statusOf(id)).toEqual(before);
    }
  });

  it('lets only the owner side review and only the applicant withdraw; volunteers and platform admins read but act on nothing', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('submitted', rescue);
    const admin = await createUser(api, { role: 'admin' });
    for (const [actor, action] of [
      [adopter, 'start_review'],
      [rescue.staff, 'withdraw'],
      [rescue.volunteer, 'start_review'],
      [admin, 'reject'],
    ] as const) {
      const res = await review(api, actor, id, action);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const otherRescue = await rescueWithStaff(api);
    expect((await review(api, otherRescue.admin, id, 'start_review')).status).toBe(404);
    expect(await statusOf(id)).toEqual({ status: 'submitted', version: 1 });
    expect((await review(api, rescue.admin, id, 'start_review')).status).toBe(200);
  });

  it('keeps an applicant who joins the rescue later from reviewing, or reading the notes on, their own application', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('under_review', rescue);
    await db.query("INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, 'staff')", [rescue.rescueId, adopter.id]);
    const res = await review(api, adopter, id, 'approve');
    expect(res.status).toBe(403);
    expect((await statusOf(id)).status).toBe('under_review');
    const history = await api.request('GET', `/api/v1/applications/${id}/history`, { token: adopter.token });
    expect(history.body.items.every((entry: { note: string | null }) => entry.note === null)).toBe(true);
  });

  it('answers a stale expectedVersion with 409 VERSION_CONFLICT and the current version; without one the step applies', async () => {
    const rescue = await rescueWithStaff(api);
    const { id } = await applicationIn('under_review', rescue);
    const stale = await review(api, rescue.staff, id, 'start_reference_check', { expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await statusOf(id)).status).toBe('under_review');
    expect((await review(api, rescue.staff, id, 'start_reference_check')).body).toMatchObject({ status: 'reference_check', version: 3 });
  });

  it('takes the same steps through PATCH …/status, and refuses a status with no transition from the current one', async () => {
    const rescue = await rescueWithStaff(api);
    const { id } = await applicationIn('submitted', rescue);
    const path = `/api/v1/applications/${id}/status`;
    const moved = await api.request('PATCH', path, { token: rescue.staff.token, body: { status: 'under_review', expectedVersion: 1, note: 'looks good' } });
    expect(moved.body).toMatchObject({ status: 'under_review', version: 2 });
    const skip = await api.request('PATCH', path, { token: rescue.staff.token, body: { status: 'completed', expectedVersion: 2 } });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'under_review', to: 'completed' } });
    const stale = await api.request('PATCH', path, { token: rescue.staff.token, body: { status: 'home_visit', expectedVersion: 1 } });
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
  });

  it('lets the applicant withdraw with DELETE from any open state, and not twice', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('home_visit', rescue);
    expect((await api.request('DELETE', `/api/v1/applications/${id}`, { token: rescue.staff.token })).status).toBe(403);
    expect((await api.request('DELETE', `/api/v1/applications/${id}`, { token: adopter.token })).status).toBe(204);
    const again = await api.request('DELETE', `/api/v1/applications/${id}`, { token: adopter.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    expect((await getApplication(id, adopter)).body).toMatchObject({ status: 'withdrawn', closedAt: expect.any(String) });
  });

  it('tells the applicant about each step the owner side takes, and the owner side about a withdrawal', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('under_review', rescue);
    await review(api, rescue.staff, id, 'reject', { reason: 'We need someone at home in the day.' });
    const told = await notificationsOf(adopter.id, 'application_status_changed');
    expect(told.at(-1)).toMatchObject({ resourceId: id, body: 'Reason: We need someone at home in the day.' });
    expect(told.at(-1)!.title).toMatch(/not successful/);

    const other = await applicationIn('submitted', rescue);
    await api.request('DELETE', `/api/v1/applications/${other.id}`, { token: other.adopter.token });
    for (const member of [rescue.admin, rescue.staff]) {
      expect((await notificationsOf(member.id, 'application_status_changed')).some((n) => n.resourceId === other.id && /withdrew/.test(n.title))).toBe(true);
    }
    expect((await notificationsOf(rescue.volunteer.id, 'application_status_changed')).length).toBe(0);
  });
});

describe('approval', () => {
  it("makes the pet pending and rejects the pet's other open applications with the reason pet adopted, notifying each", async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const chosen = await submittedApplication(api, petId);
    const others = [await submittedApplication(api, petId), await submittedApplication(api, petId), await submittedApplication(api, petId)];
    await moveTo(api, others[1].application.id, 'reference_check', rescue.staff, others[1].adopter);
    await moveTo(api, others[2].application.id, 'withdrawn', rescue.staff, others[2].adopter);
    await moveTo(api, chosen.application.id, 'under_review', rescue.staff, chosen.adopter);

    const approved = await review(api, rescue.staff, chosen.application.id, 'approve');
    expect(approved.body).toMatchObject({ status: 'approved', pet: { availability: 'pending' } });
    expect((await petOf(petId)).availability).toBe('pending');
    for (const other of others.slice(0, 2)) {
      const read = await getApplication(other.application.id, other.adopter);
      expect(read.body).toMatchObject({ status: 'rejected', statusReason: 'pet adopted' });
      const history = await api.request('GET', `/api/v1/applications/${other.application.id}/history`, { token: other.adopter.token });
      expect(history.body.items.at(-1)).toMatchObject({ to: 'rejected', actorId: null, reason: 'pet adopted' });
      expect((await notificationsOf(other.adopter.id, 'application_status_changed')).at(-1)).toMatchObject({
        resourceId: other.application.id,
        body: 'Reason: pet adopted',
      });
    }
    expect((await statusOf(others[2].application.id)).status).toBe('withdrawn');
    const petHistory = await api.request('GET', `/api/v1/pets/${petId}/history`, { token: rescue.staff.token });
    expect(petHistory.body.items.at(-1)).toMatchObject({ kind: 'availability', from: 'available', to: 'pending', actorId: rescue.staff.id });
    expect((await notificationsOf(chosen.adopter.id, 'application_status_changed')).at(-1)!.title).toMatch(/approved/);
  });

  it('waitlists the other applications when the rescue says so; completion adopts the pet and closes the waitlist', async () => {
    const rescue = await rescueKeepingWaitlist();
    const { petId } = await adoptablePet(api, rescue);
    const chosen = await submittedApplication(api, petId);
    const other = await submittedApplication(api, petId);
    await moveTo(api, chosen.application.id, 'approved', rescue.staff, chosen.adopter);
    expect((await statusOf(other.application.id)).status).toBe('waitlisted');
    expect((await getApplication(other.application.id, other.adopter)).body.statusReason).toBe('another application was approved');

    expect((await review(api, rescue.staff, chosen.application.id, 'complete')).body.status).toBe('completed');
    expect((await petOf(petId)).availability).toBe('adopted');
    expect(await statusOf(other.application.id)).toMatchObject({ status: 'rejected' });
  });

  it('puts the pet back to available when the approved application is cancelled or withdrawn; the waitlist stays', async () => {
    const rescue = await rescueKeepingWaitlist();
    const { petId } = await adoptablePet(api, rescue);
    const first = await submittedApplication(api, petId);
    const second = await submittedApplication(api, petId);
    await moveTo(api, first.application.id, 'approved', rescue.staff, first.adopter);
    expect((await review(api, rescue.staff, first.application.id, 'cancel', { reason: 'The adopter moved abroad.' })).body.status).toBe('cancelled');
    expect((await petOf(petId)).availability).toBe('available');
    expect((await statusOf(second.application.id)).status).toBe('waitlisted');

    await review(api, rescue.staff, second.application.id, 'reopen');
    await review(api, rescue.staff, second.application.id, 'approve');
    expect((await petOf(petId)).availability).toBe('pending');
    expect((await api.request('DELETE', `/api/v1/applications/${second.application.id}`, { token: second.adopter.token })).status).toBe(204);
    expect((await petOf(petId)).availability).toBe('available');
  });

  it('refuses approval when the pet is no longer available, and completion unless the pet is pending', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const application = await submittedApplication(api, petId);
    await moveTo(api, application.application.id, 'under_review', rescue.staff, application.adopter);
    const pet = await petOf(petId);
    await api.request('PUT', `/api/v1/pets/${petId}/availability`, {
      token: rescue.staff.token,
      body: { availability: 'fostered', expectedVersion: pet.version },
    });
    const refused = await review(api, rescue.staff, application.application.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { availability: 'fostered' } });
    expect((await statusOf(application.application.id)).status).toBe('under_review');

    const other = await adoptablePet(api, rescue);
    const approved = await submittedApplication(api, other.petId);
    await moveTo(api, approved.application.id, 'approved', rescue.staff, approved.adopter);
    // The pet cannot be moved by hand while an approval holds it, so completion always finds it pending.
    const held = await petOf(other.petId);
    const manual = await api.request('PUT', `/api/v1/pets/${other.petId}/availability`, {
      token: rescue.staff.token,
      body: { availability: 'available', expectedVersion: held.version },
    });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('CONFLICT');
    expect((await petOf(other.petId)).availability).toBe('pending');
    expect((await review(api, rescue.staff, approved.application.id, 'complete')).body.status).toBe('completed');
  });

  it('refuses approval of a listing that is no longer published', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const application = await submittedApplication(api, petId);
    await moveTo(api, application.application.id, 'under_review', rescue.staff, application.adopter);
    const pet = await petOf(petId);
    await api.request('POST', `/api/v1/pets/${petId}/listing`, { token: rescue.staff.token, body: { action: 'retire', expectedVersion: pet.version } });
    const refused = await review(api, rescue.staff, application.application.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { listingStatus: 'retired' } });
  });

  it('closes every application still open when the adoption completes, a reopened one included', async () => {
    const rescue = await rescueKeepingWaitlist();
    const { petId } = await adoptablePet(api, rescue);
    const chosen = await submittedApplication(api, petId);
    const other = await submittedApplication(api, petId);
    await moveTo(api, chosen.application.id, 'approved', rescue.staff, chosen.adopter);
    expect((await review(api, rescue.staff, other.application.id, 'reopen')).body.status).toBe('under_review');
    await review(api, rescue.staff, chosen.application.id, 'complete');
    expect(await statusOf(other.application.id)).toMatchObject({ status: 'rejected' });
  });

  it('does not let a submission slip in while an approval holds the pet', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const outside = await openTestDataSource();
    const runner = outside.createQueryRunner();
    try {
      // Stand in for an approval in progress: the pet's row locked, its availability about to become pending.
      await runner.startTransaction();
      await runner.query('SELECT id FROM pets WHERE id = ? FOR UPDATE', [petId]);
      const submission = submit(api, await createUser(api), petId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await runner.query("UPDATE pets SET availability = 'pending', version = version + 1 WHERE id = ?", [petId]);
      await runner.commitTransaction();
      const res = await submission;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: { availability: 'pending' } });
    } finally {
      await runner.release();
      await outside.destroy();
    }
  });

  it('approves exactly one of 50 concurrent approvals of different applications for one pet', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { application } = await submittedApplication(api, petId);
      expect((await review(api, rescue.staff, application.id, 'start_review')).status).toBe(200);
      ids.push(application.id);
    }
    const results = await Promise.all(ids.map((id) => review(api, rescue.staff, id, 'approve')));
    const approved = results.filter((r) => r.status === 200);
    expect(approved).toHaveLength(1);
    for (const loser of results.filter((r) => r.status !== 200)) {
      expect(loser.status).toBe(409);
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(loser.body.code);
    }
    const rows: Array<{ status: string; n: string }> = await db.query('SELECT status, COUNT(*) AS n FROM applications WHERE pet_id = ? GROUP BY status', [
      petId,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({ approved: 1, rejected: 49 });
    expect((await petOf(petId)).availability).toBe('pending');
    const pendingChanges = await db.query("SELECT COUNT(*) AS n FROM pet_status_history WHERE pet_id = ? AND to_status = 'pending'", [petId]);
    expect(Number(pendingChanges[0].n)).toBe(1);
  }, 120_000);
});

describe('the pet while applications are open', () => {
  it('cannot be deleted while it has open applications; once they are closed it can', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, petId } = await applicationIn('under_review', rescue);
    const refused = await api.request('DELETE', `/api/v1/pets/${petId}`, { token: rescue.staff.token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { openApplications: 1 } });
    await review(api, rescue.staff, id, 'reject');
    expect((await api.request('DELETE', `/api/v1/pets/${petId}`, { token: rescue.staff.token })).status).toBe(204);
  });
});

describe('rescue analytics', () => {
  it("counts the rescue's applications of the last 12 months and the approvals made, cancelled ones included", async () => {
    const rescue = await rescueWithStaff(api);
    const cancelled = await applicationIn('cancelled', rescue);
    await applicationIn('approved', rescue);
    await applicationIn('rejected', rescue);
    expect((await statusOf(cancelled.id)).status).toBe('cancelled');
    const figures = await api.request('GET', `/api/v1/rescues/${rescue.rescueId}/analytics`, { token: rescue.volunteer.token });
    expect(figures.body).toMatchObject({ applicationsReceived: 3, applicationsApproved: 2 });
  });
});

describe('assignment', () => {
  it("lets the rescue's admins and staff assign to one of its admins or staff, notifying the assignee", async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('submitted', rescue);
    const path = `/api/v1/rescues/${rescue.rescueId}/applications/${id}/assign`;
    const res = await api.request('POST', path, { token: rescue.admin.token, body: { assigneeId: rescue.staff.id, expectedVersion: 1 } });
    expect(res.body).toMatchObject({ assigneeId: rescue.staff.id, version: 2 });
    expect((await notificationsOf(rescue.staff.id, 'application_assigned')).map((n) => n.resourceId)).toEqual([id]);

    for (const assigneeId of [rescue.volunteer.id, adopter.id]) {
      const refused = await api.request('POST', path, { token: rescue.admin.token, body: { assigneeId } });
      expect(refused.status).toBe(400);
      expect(refused.body.details.fields[0].field).toBe('assigneeId');
    }
    expect((await api.request('POST', path, { token: rescue.volunteer.token, body: { assigneeId: null } })).status).toBe(403);
    expect((await api.request('POST', path, { token: adopter.token, body: { assigneeId: null } })).status).toBe(403);
    const stale = await api.request('POST', path, { token: rescue.staff.token, body: { assigneeId: null, expectedVersion: 1 } });
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await api.request('POST', path, { token: rescue.staff.token, body: { assigneeId: null } })).body.assigneeId).toBeNull();

    const otherRescue = await rescueWithStaff(api);
    expect(
      (
        await api.request('POST', `/api/v1/rescues/${otherRescue.rescueId}/applications/${id}/assign`, {
          token: otherRescue.admin.token,
          body: { assigneeId: null },
        })
      ).status,
    ).toBe(404);
  });

  it('sends the news of an assigned application to its assignee only', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('submitted', rescue);
    await api.request('POST', `/api/v1/rescues/${rescue.rescueId}/applications/${id}/assign`, {
      token: rescue.staff.token,
      body: { assigneeId: rescue.admin.id },
    });
    await api.request('POST', `/api/v1/applications/${id}/messages`, { token: adopter.token, body: { body: 'When can I visit?' } });
    expect((await notificationsOf(rescue.admin.id, 'message_received')).map((n) => n.resourceId)).toEqual([id]);
    expect(await notificationsOf(rescue.staff.id, 'message_received')).toEqual([]);
  });
});

describe('bulk status changes', () => {
  it('changes each id completely or not at all and reports every id with ok or its error code', async () => {
    const rescue = await rescueWithStaff(api);
    const a = await applicationIn('submitted', rescue);
    const b = await applicationIn('submitted', rescue);
    const rejected = await applicationIn('rejected', rescue);
    const foreign = await applicationIn('submitted', await rescueWithStaff(api));
    const unknown = '01900000-0000-7000-8000-00000000dead';
    const res = await api.request('POST', '/api/v1/applications/bulk-status', {
      token: rescue.staff.token,
      body: { applicationIds: [a.id, rejected.id, foreign.id, unknown, b.id], action: 'start_review', note: 'batch' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ succeeded: 2, failed: 3 });
    expect(
      res.body.results.map((r: { applicationId: string; ok: boolean; code: string | null; status: string | null }) => [
        r.applicationId,
        r.ok,
        r.code,
        r.status,
      ]),
    ).toEqual([
      [a.id, true, null, 'under_review'],
      [rejected.id, false, 'INVALID_TRANSITION', null],
      [foreign.id, false, 'NOT_FOUND', null],
      [unknown, false, 'NOT_FOUND', null],
      [b.id, true, null, 'under_review'],
    ]);
    expect((await statusOf(rejected.id)).status).toBe('rejected');
    expect((await statusOf(foreign.id)).status).toBe('submitted');
    const history = await api.request('GET', `/api/v1/applications/${b.id}/history`, { token: rescue.staff.token });
    expect(history.body.items.at(-1)).toMatchObject({ to: 'under_review', note: 'batch' });
  });

  it('refuses an empty or oversized list with 400', async () => {
    const rescue = await rescueWithStaff(api);
    for (const applicationIds of [[], Array.from({ length: 101 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`)]) {
      const res = await api.request('POST', '/api/v1/applications/bulk-status', { token: rescue.staff.token, body: { applicationIds, action: 'reject' } });
      expect(res.status).toBe(400);
    }
  });
});

describe('home visits and references', () => {
  it('schedules a visit in review, records its outcome once, and hides the notes from the applicant', async () => {
    const rescue = await rescueWithStaff(api);
    const early = await applicationIn('submitted', rescue);
    const at = '2027-01-15T10:00:00.000Z';
    expect((await api.request('POST', `/api/v1/applications/${early.id}/home-visits`, { token: rescue.staff.token, body: { scheduledAt: at } })).status).toBe(
      409,
    );

    const { id, adopter } = await applicationIn('home_visit', rescue);
    const scheduled = await api.request('POST', `/api/v1/applications/${id}/home-visits`, {
      token: rescue.staff.token,
      body: { scheduledAt: at, notes: 'Bring the dog.' },
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ scheduledAt: at, outcome: 'scheduled', notes: 'Bring the dog.', recordedAt: null, version: 1 });
    expect((await api.request('POST', `/api/v1/applications/${id}/home-visits`, { token: rescue.volunteer.token, body: { scheduledAt: at } })).status).toBe(
      403,
    );

    const path = `/api/v1/applications/${id}/home-visits/${scheduled.body.id}`;
    const moved = await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 1, scheduledAt: '2027-01-16T10:00:00.000Z' } });
    expect(moved.body).toMatchObject({ scheduledAt: '2027-01-16T10:00:00.000Z', version: 2 });
    expect((await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 1, outcome: 'passed' } })).body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    const passed = await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 2, outcome: 'passed', notes: 'Secure garden.' } });
    expect(passed.body).toMatchObject({ outcome: 'passed', recordedAt: expect.any(String), notes: 'Secure garden.' });
    const final = await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 3, outcome: 'failed' } });
    expect(final.status).toBe(409);
    expect(final.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'passed', to: 'failed' } });

    const applicantView = await getApplication(id, adopter);
    expect(applicantView.body.homeVisits).toMatchObject([{ outcome: 'passed', notes: null }]);
    expect((await getApplication(id, rescue.volunteer)).body.homeVisits[0].notes).toBe('Secure garden.');
  });

  it('cancels the visits still scheduled when the application closes, and checks references only in review', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('submitted', rescue);
    const [reference] = (await getApplication(id, rescue.staff)).body.references;
    const early = await api.request('PATCH', `/api/v1/applications/${id}/references/${reference.id}`, {
      token: rescue.staff.token,
      body: { expectedVersion: 1, status: 'verified' },
    });
    expect(early.status).toBe(409);
    await review(api, rescue.staff, id, 'start_review');
    await api.request('POST', `/api/v1/applications/${id}/home-visits`, { token: rescue.staff.token, body: { scheduledAt: '2027-02-01T10:00:00.000Z' } });
    await api.request('DELETE', `/api/v1/applications/${id}`, { token: adopter.token });
    expect((await getApplication(id, rescue.staff)).body.homeVisits).toMatchObject([{ outcome: 'cancelled', recordedAt: expect.any(String) }]);
  });

  it('marks references contacted then verified with notes, never backwards; notes are internal', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('reference_check', rescue);
    const [reference] = (await getApplication(id, rescue.staff)).body.references;
    const path = `/api/v1/applications/${id}/references/${reference.id}`;
    const contacted = await api.request('PATCH', path, {
      token: rescue.staff.token,
      body: { expectedVersion: 1, status: 'contacted', notes: 'Left a message.' },
    });
    expect(contacted.body).toMatchObject({ status: 'contacted', contactedAt: expect.any(String), verifiedAt: null, version: 2 });
    const verified = await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 2, status: 'verified', notes: 'Glowing.' } });
    expect(verified.body).toMatchObject({ status: 'verified', contactedAt: contacted.body.contactedAt, verifiedAt: expect.any(String) });
    const back = await api.request('PATCH', path, { token: rescue.staff.token, body: { expectedVersion: 3, status: 'pending' } });
    expect(back.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'verified', to: 'pending' } });
    expect((await api.request('PATCH', path, { token: adopter.token, body: { expectedVersion: 3, status: 'verified' } })).status).toBe(403);
    expect((await getApplication(id, adopter)).body.references[0]).toMatchObject({ status: 'verified', notes: null });
  });
});

describe('messages', () => {
  it('keeps a thread between the applicant and the owner side, newest first, notifying the other side', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('under_review', rescue);
    const path = `/api/v1/applications/${id}/messages`;
    const first = await api.request('POST', path, { token: adopter.token, body: { body: 'Is she good with cats?' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ applicationId: id, sequence: 1, senderId: adopter.id, senderSide: 'applicant' });
    const answer = await api.request('POST', path, { token: rescue.staff.token, body: { body: 'Yes, she lived with two.' } });
    expect(answer.body).toMatchObject({ sequence: 2, senderSide: 'owner' });
    const page = await api.request('GET', `${path}?limit=1`, { token: adopter.token });
    expect(page.body).toMatchObject({ total: 2, items: [{ id: answer.body.id }], nextCursor: expect.any(String) });
    const rest = await api.request('GET', `${path}?limit=1&cursor=${page.body.nextCursor}`, { token: rescue.admin.token });
    expect(rest.body.items.map((m: { id: string }) => m.id)).toEqual([first.body.id]);

    expect((await notificationsOf(adopter.id, 'message_received')).map((n) => n.body)).toEqual(['Yes, she lived with two.']);
    for (const member of [rescue.admin, rescue.staff]) {
      expect((await notificationsOf(member.id, 'message_received')).map((n) => n.body)).toEqual(['Is she good with cats?']);
    }
    expect(await notificationsOf(rescue.volunteer.id, 'message_received')).toEqual([]);
  });

  it('numbers concurrent sends 1…n without gaps or repeats, and lists what came after a given number', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('under_review', rescue);
    const path = `/api/v1/applications/${id}/messages`;
    const senders = [adopter, rescue.staff, rescue.admin];
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.request('POST', path, { token: senders[i % 3].token, body: { body: `message ${i}` } })),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(sent.map((r) => r.body.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const caughtUp = await api.request('GET', `${path}?afterSequence=9&limit=2`, { token: adopter.token });
    expect(caughtUp.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const rest = await api.request('GET', `${path}?afterSequence=9&limit=2&cursor=${caughtUp.body.nextCursor}`, { token: adopter.token });
    expect([...caughtUp.body.items, ...rest.body.items].map((m: { sequence: number }) => m.sequence).sort((a, b) => a - b)).toEqual([10, 11, 12]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await api.request('GET', `${path}?afterSequence=12`, { token: adopter.token })).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await api.request('GET', `${path}?afterSequence=-1`, { token: adopter.token })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is visible to nobody else: volunteers, platform admins and strangers get 404', async () => {
    const rescue = await rescueWithStaff(api);
    const { id } = await applicationIn('submitted', rescue);
    for (const outsider of [rescue.volunteer, await createUser(api, { role: 'admin' }), await createUser(api)]) {
      expect((await api.request('GET', `/api/v1/applications/${id}/messages`, { token: outsider.token })).status).toBe(404);
      expect((await api.request('POST', `/api/v1/applications/${id}/messages`, { token: outsider.token, body: { body: 'hi' } })).status).toBe(404);
    }
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM application_messages WHERE application_id = ?', [id]))[0].n)).toBe(0);
  });

  it('stores a retried send with the same Idempotency-Key once', async () => {
    const rescue = await rescueWithStaff(api);
    const { id, adopter } = await applicationIn('submitted', rescue);
    const send = () =>
      api.request('POST', `/api/v1/applications/${id}/messages`, {
        token: adopter.token,
        body: { body: 'Hello' },
        headers: { 'idempotency-key': `msg-${id}` },
      });
    const [a, b] = [await send(), await send()];
    expect(b.text).toBe(a.text);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM application_messages WHERE application_id = ?', [id]))[0].n)).toBe(1);
  });
});

describe('new applications', () => {
  it("notifies the rescue's admins and staff (not volunteers) of a new application", async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const res = await submit(api, await createUser(api, { name: 'Bea' }), petId);
    for (const member of [rescue.admin, rescue.staff]) {
      expect((await notificationsOf(member.id, 'application_submitted')).map((n) => [n.resourceId, n.body])).toEqual([
        [res.body.id, expect.stringContaining('Bea applied')],
      ]);
    }
    expect(await notificationsOf(rescue.volunteer.id, 'application_submitted')).toEqual([]);
  });
});
