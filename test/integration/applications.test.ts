// Applications: forms (core library, a rescue's versioned form), drafts, submission with its Idempotency-Key and
// its database-enforced uniqueness, per-question validation, who reads what, and edits while submitted.
import { AuditLogEntity } from '@app/audit';
import { CORE_SAMPLE_ANSWERS } from '@app/database';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { adoptablePet, applicationBody, idempotencyKey, REFERENCES, review, submit, submittedApplication } from '../support/applications';
import { createUser } from '../support/identity';
import { createPet, dataSourceOf, rehomerPetIn, rescuePetIn, rescueWithStaff } from '../support/pets';

let api: TestApi;
let db: DataSource;
beforeAll(async () => {
  api = await startApi();
  db = dataSourceOf(api);
});
afterAll(() => api.close());

const countRows = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
const applicationsOf = (applicantId: string, petId: string) =>
  countRows('SELECT COUNT(*) AS n FROM applications WHERE applicant_id = ? AND pet_id = ?', [applicantId, petId]);

describe('application forms', () => {
  it('serves the core library as the form of a rehomer pet and of a rescue that has not saved its own (version 0)', async () => {
    const core = await api.request('GET', '/api/v1/application-questions');
    expect(core.status).toBe(200);
    expect(core.body).toMatchObject({ rescueId: null, version: 1 });
    expect(core.body.questions.map((q: { key: string }) => q.key)).toContain('home_type');

    const { rescueId } = await rescueWithStaff(api);
    const rescueForm = await api.request('GET', `/api/v1/rescues/${rescueId}/application-questions`);
    expect(rescueForm.body).toMatchObject({ rescueId, version: 0, questions: core.body.questions });

    const { petId } = await rehomerPetIn(api, 'published');
    expect((await api.request('GET', `/api/v1/pets/${petId}/application-questions`)).body).toMatchObject({ rescueId: null, version: 1 });
    expect((await api.request('GET', '/api/v1/rescues/01900000-0000-7000-8000-00000000dead/application-questions')).status).toBe(404);
  });

  it("lets the rescue's admins save new versions; staff and outsiders get 403, a stale version 409, and nothing changes", async () => {
    const { rescueId, admin, staff } = await rescueWithStaff(api);
    const outsider = await createUser(api);
    const questions = [
      { key: 'garden', source: 'core', required: false },
      { key: 'vet_name', source: 'custom', required: true, type: 'text', prompt: 'Who is your vet?' },
    ];
    const path = `/api/v1/rescues/${rescueId}/application-questions`;
    for (const user of [staff, outsider]) {
      const res = await api.request('PUT', path, { token: user.token, body: { expectedVersion: 0, questions } });
      expect(res.status).toBe(403);
    }
    const saved = await api.request('PUT', path, { token: admin.token, body: { expectedVersion: 0, questions } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ rescueId, version: 1 });
    expect(saved.body.questions.map((q: { key: string; required: boolean }) => [q.key, q.required])).toEqual([
      ['garden', false],
      ['vet_name', true],
    ]);
    const stale = await api.request('PUT', path, { token: admin.token, body: { expectedVersion: 0, questions } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    expect((await api.request('GET', path)).body.version).toBe(1);
    expect(await db.getRepository(AuditLogEntity).countBy({ action: 'rescue.application_form_saved', targetId: rescueId })).toBe(1);
  });

  it('answers an invalid form with one error per question and saves nothing', async () => {
    const { rescueId, admin } = await rescueWithStaff(api);
    const res = await api.request('PUT', `/api/v1/rescues/${rescueId}/application-questions`, {
      token: admin.token,
      body: {
        expectedVersion: 0,
        questions: [
          { key: 'not_in_library', source: 'core', required: true },
          { key: 'colour', source: 'custom', required: true, type: 'single_choice', prompt: 'Favourite colour?' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['questions[0].key', 'questions[1].options']);
    expect((await api.request('GET', `/api/v1/rescues/${rescueId}/application-questions`)).body.version).toBe(0);
  });

  it('lets one of three concurrent saves of the same version win', async () => {
    const { rescueId, admin } = await rescueWithStaff(api);
    const body = { expectedVersion: 0, questions: [{ key: 'garden', source: 'core', required: true }] };
    const results = await Promise.all(
      [0, 1, 2].map(() => api.request('PUT', `/api/v1/rescues/${rescueId}/application-questions`, { token: admin.token, body })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await countRows('SELECT COUNT(*) AS n FROM application_question_sets WHERE rescue_id = ?', [rescueId])).toBe(1);
  });

  it('keeps the version an application answered after the rescue changes its form', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const { application } = await submittedApplication(api, petId);
    expect(application.questionSet).toEqual({ rescueId: null, version: 1 });
    await api.request('PUT', `/api/v1/rescues/${rescue.rescueId}/application-questions`, {
      token: rescue.admin.token,
      body: { expectedVersion: 0, questions: [{ key: 'pet_name_idea', source: 'custom', required: true, type: 'text', prompt: 'What would you call it?' }] },
    });
    const read = await api.request('GET', `/api/v1/applications/${application.id}`, { token: rescue.staff.token });
    expect(read.body.questionSet).toEqual({ rescueId: null, version: 1 });
    expect(read.body.questions.map((q: { key: string }) => q.key)).toContain('home_type');
    // New applications answer the new form: the core answers alone are now refused.
    const other = await submit(api, await createUser(api), petId);
    expect(other.status).toBe(400);
    expect(other.body.details.fields.map((f: { field: string }) => f.field)).toContain('answers.pet_name_idea');
  });
});

describe('drafts', () => {
  it('saves, reads, lists and updates a draft only for its author; a second draft for the pet answers 409 with its id', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    const created = await api.request('POST', '/api/v1/applications/drafts', { token: adopter.token, body: { petId, answers: { home_type: 'flat' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ petId, answers: { home_type: 'flat' }, references: [], version: 1 });
    const again = await api.request('POST', '/api/v1/applications/drafts', { token: adopter.token, body: { petId } });
    expect(again.status).toBe(409);
    expect(again.body.details.draftId).toBe(created.body.id);

    const path = `/api/v1/applications/drafts/${created.body.id}`;
    const updated = await api.request('PATCH', path, { token: adopter.token, body: { expectedVersion: 1, references: REFERENCES } });
    expect(updated.body).toMatchObject({ answers: { home_type: 'flat' }, references: REFERENCES, version: 2 });
    const stale = await api.request('PATCH', path, { token: adopter.token, body: { expectedVersion: 1, answers: {} } });
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await api.request('GET', '/api/v1/applications/drafts', { token: adopter.token })).body).toMatchObject({
      total: 1,
      items: [{ id: created.body.id }],
    });

    const stranger = await createUser(api);
    for (const [method, body] of [['GET'], ['PATCH', { expectedVersion: 2, answers: {} }], ['DELETE']] as const) {
      expect((await api.request(method, path, { token: stranger.token, body })).status).toBe(404);
    }
    expect((await api.request('GET', '/api/v1/applications/drafts', { token: stranger.token })).body.total).toBe(0);
  });

  it('checks what a draft holds for type and choices but not completeness', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    const wrong = await api.request('POST', '/api/v1/applications/drafts', {
      token: adopter.token,
      body: { petId, answers: { home_type: 'castle', hours_alone: 'many' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['answers.home_type', 'answers.hours_alone']);
    expect(await countRows('SELECT COUNT(*) AS n FROM application_drafts WHERE applicant_id = ?', [adopter.id])).toBe(0);
  });

  it('is discarded when the application is submitted, and can be deleted by its author', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    await api.request('POST', '/api/v1/applications/drafts', { token: adopter.token, body: { petId } });
    expect((await submit(api, adopter, petId)).status).toBe(201);
    expect((await api.request('GET', '/api/v1/applications/drafts', { token: adopter.token })).body.total).toBe(0);

    const other = await adoptablePet(api);
    const draft = await api.request('POST', '/api/v1/applications/drafts', { token: adopter.token, body: { petId: other.petId } });
    expect((await api.request('DELETE', `/api/v1/applications/drafts/${draft.body.id}`, { token: adopter.token })).status).toBe(204);
    expect((await api.request('GET', `/api/v1/applications/drafts/${draft.body.id}`, { token: adopter.token })).status).toBe(404);
  });
});

describe('POST /applications', () => {
  it('submits: 201 with the answers, references and first history entry; the draft-free applicant view has no internal notes', async () => {
    const { petId, rescueId } = await adoptablePet(api);
    const adopter = await createUser(api, { name: 'Ann Adopter' });
    const res = await submit(api, adopter, petId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      pet: { id: petId, availability: 'available' },
      applicant: { id: adopter.id, name: 'Ann Adopter' },
      owner: { type: 'rescue', rescueId, userId: null },
      answers: CORE_SAMPLE_ANSWERS,
      references: [{ name: 'Dr Patel', status: 'pending', notes: null, version: 1 }],
      homeVisits: [],
      assigneeId: null,
      decidedAt: null,
      closedAt: null,
      version: 1,
    });
    const history = await api.request('GET', `/api/v1/applications/${res.body.id}/history`, { token: adopter.token });
    expect(history.body.items).toMatchObject([{ from: null, to: 'submitted', actorId: adopter.id }]);
    expect(await db.getRepository(AuditLogEntity).countBy({ action: 'application.submitted', targetId: res.body.id })).toBe(1);
  });

  it('requires an Idempotency-Key, and refuses a malformed one', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    const missing = await api.request('POST', '/api/v1/applications', { token: adopter.token, body: applicationBody(petId) });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields[0]).toMatchObject({ field: 'Idempotency-Key', constraints: { required: expect.any(String) } });
    const short = await api.request('POST', '/api/v1/applications', {
      token: adopter.token,
      body: applicationBody(petId),
      headers: { 'idempotency-key': 'short' },
    });
    expect(short.status).toBe(400);
    expect(await applicationsOf(adopter.id, petId)).toBe(0);
  });

  it('replays the first answer byte for byte for a retry with the same key; another body with it answers 422', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    const key = idempotencyKey();
    const first = await submit(api, adopter, petId, {}, key);
    const again = await submit(api, adopter, petId, {}, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    const reused = await submit(api, adopter, petId, { answers: { ...CORE_SAMPLE_ANSWERS, hours_alone: 4 } }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await applicationsOf(adopter.id, petId)).toBe(1);
  });

  it('makes one application of concurrent duplicates, with one key or with different keys', async () => {
    const { petId } = await adoptablePet(api);
    const sameKey = await createUser(api);
    const key = idempotencyKey();
    const replays = await Promise.all(Array.from({ length: 5 }, () => submit(api, sameKey, petId, {}, key)));
    // Each either replays the first answer or is told the first is still running.
    for (const res of replays) expect([201, 409]).toContain(res.status);
    expect(new Set(replays.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await applicationsOf(sameKey.id, petId)).toBe(1);

    const differentKeys = await createUser(api);
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(api, differentKeys, petId)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    for (const loser of results.filter((r) => r.status === 409)) {
      expect(loser.body).toMatchObject({ code: 'APPLICATION_EXISTS', details: { applicationId: winner.body.id } });
    }
    expect(await applicationsOf(differentKeys.id, petId)).toBe(1);
  });

  it('refuses a second open application for the same pet, and allows a new one once the first is withdrawn', async () => {
    const { petId } = await adoptablePet(api);
    const { application, adopter } = await submittedApplication(api, petId);
    const second = await submit(api, adopter, petId);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'APPLICATION_EXISTS', details: { applicationId: application.id } });
    expect((await api.request('DELETE', `/api/v1/applications/${application.id}`, { token: adopter.token })).status).toBe(204);
    expect((await submit(api, adopter, petId)).status).toBe(201);
    expect(await applicationsOf(adopter.id, petId)).toBe(2);
  });

  it('answers invalid answers with one clear error per question and stores nothing', async () => {
    const { petId } = await adoptablePet(api);
    const adopter = await createUser(api);
    const { household_adults: _adults, ...answers } = CORE_SAMPLE_ANSWERS;
    const res = await submit(api, adopter, petId, {
      answers: { ...answers, home_type: 'castle', other_pets: 'dogs', hours_alone: 30, move_in_date: 'soon', favourite_colour: 'blue' },
      references: [{ name: 'Somebody', relationship: 'friend' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.fromEntries(res.body.details.fields.map((f: { field: string; constraints: object }) => [f.field, Object.keys(f.constraints)[0]]))).toEqual({
      'answers.favourite_colour': 'unknownQuestion',
      'answers.household_adults': 'required',
      'answers.home_type': 'choice',
      'answers.other_pets': 'choice',
      'answers.hours_alone': 'range',
      'answers.move_in_date': 'type',
      'references[0]': 'contact',
    });
    expect(await applicationsOf(adopter.id, petId)).toBe(0);
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });

  it('accepts only published, available pets: drafts are 404, pets on hold 409', async () => {
    const adopter = await createUser(api);
    const draft = await rescuePetIn(api, 'draft');
    expect((await submit(api, adopter, draft.petId)).status).toBe(404);
    const held = await adoptablePet(api);
    await api.request('PUT', `/api/v1/pets/${held.petId}/availability`, { token: held.staff.token, body: { availability: 'on_hold', expectedVersion: 2 } });
    const res = await submit(api, adopter, held.petId);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { availability: 'on_hold' } });
    expect((await submit(api, adopter, '01900000-0000-7000-8000-00000000dead')).status).toBe(404);
  });

  it("refuses the pet's owner and its rescue's members (403)", async () => {
    const { petId, owner } = await rehomerPetIn(api, 'published');
    const own = await submit(api, owner, petId);
    expect(own.status).toBe(403);
    expect(own.body.details.reason).toBe('owner');
    const rescuePet = await adoptablePet(api);
    for (const member of [rescuePet.admin, rescuePet.staff, rescuePet.volunteer]) {
      const res = await submit(api, member, rescuePet.petId);
      expect(res.status).toBe(403);
      expect(res.body.details.reason).toBe('rescue_member');
    }
  });
});

describe('reading applications', () => {
  it('shows an application to its applicant, the rescue (volunteers included) and admins; 404 to everyone else', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const { application, adopter } = await submittedApplication(api, petId);
    const admin = await createUser(api, { role: 'admin' });
    for (const reader of [adopter, rescue.admin, rescue.staff, rescue.volunteer, admin]) {
      expect((await api.request('GET', `/api/v1/applications/${application.id}`, { token: reader.token })).status).toBe(200);
    }
    const otherRescue = await rescueWithStaff(api);
    for (const outsider of [await createUser(api), otherRescue.admin, await createUser(api, { role: 'moderator' })]) {
      const res = await api.request('GET', `/api/v1/applications/${application.id}`, { token: outsider.token });
      expect(res.status).toBe(404);
      expect((await api.request('GET', `/api/v1/applications/${application.id}/history`, { token: outsider.token })).status).toBe(404);
    }
  });

  it('lists by role: applicants their own, rescue members their rescue, rehomers theirs, admins all; with filters and pages', async () => {
    const rescue = await rescueWithStaff(api);
    const pets = [await adoptablePet(api, rescue), await adoptablePet(api, rescue)];
    const adopter = await createUser(api);
    const mine = [await submittedApplication(api, pets[0].petId, adopter), await submittedApplication(api, pets[1].petId, adopter)];
    const someoneElse = await submittedApplication(api, pets[0].petId);
    const rehomed = await rehomerPetIn(api, 'published');
    const forRehomer = await submittedApplication(api, rehomed.petId, adopter);

    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((item) => item.id);
    const own = await api.request('GET', '/api/v1/applications', { token: adopter.token });
    expect(ids(own).sort()).toEqual([...mine.map((m) => m.application.id), forRehomer.application.id].sort());
    const staffView = await api.request('GET', `/api/v1/applications?rescueId=${rescue.rescueId}`, { token: rescue.volunteer.token });
    expect(ids(staffView).sort()).toEqual([...mine.map((m) => m.application.id), someoneElse.application.id].sort());
    expect(ids(await api.request('GET', '/api/v1/applications', { token: rehomed.owner.token }))).toEqual([forRehomer.application.id]);
    const filtered = await api.request('GET', `/api/v1/applications?petId=${pets[0].petId}&status=submitted`, { token: rescue.staff.token });
    expect(ids(filtered).sort()).toEqual([mine[0].application.id, someoneElse.application.id].sort());

    const page1 = await api.request('GET', `/api/v1/applications?rescueId=${rescue.rescueId}&limit=2`, { token: rescue.admin.token });
    expect(page1.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const page2 = await api.request('GET', `/api/v1/applications?rescueId=${rescue.rescueId}&limit=2&cursor=${page1.body.nextCursor}`, {
      token: rescue.admin.token,
    });
    expect([...ids(page1), ...ids(page2)].sort()).toEqual(ids(staffView).sort());
    expect(page2.body.nextCursor).toBeNull();

    const admin = await createUser(api, { role: 'admin' });
    expect((await api.request('GET', `/api/v1/applications?applicantId=${adopter.id}`, { token: admin.token })).body.total).toBe(3);
    const stranger = await createUser(api);
    expect((await api.request('GET', `/api/v1/applications?applicantId=${adopter.id}`, { token: stranger.token })).body.total).toBe(0);
  });

  it("lists a pet's applications for its owner side only (404 for others)", async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const { application, adopter } = await submittedApplication(api, petId);
    const res = await api.request('GET', `/api/v1/pets/${petId}/applications`, { token: rescue.volunteer.token });
    expect(res.body).toMatchObject({ total: 1, items: [{ id: application.id, status: 'submitted' }] });
    expect((await api.request('GET', `/api/v1/pets/${petId}/applications`, { token: adopter.token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/pets/${petId}/applications`, { token: (await rescueWithStaff(api)).admin.token })).status).toBe(404);
  });

  it('filters by submission time', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const before = new Date(Date.now() - 1000).toISOString();
    await submittedApplication(api, petId);
    const res = await api.request('GET', `/api/v1/applications?rescueId=${rescue.rescueId}&submittedAfter=${before}`, { token: rescue.admin.token });
    expect(res.body.total).toBe(1);
    const none = await api.request('GET', `/api/v1/applications?rescueId=${rescue.rescueId}&submittedBefore=${before}`, { token: rescue.admin.token });
    expect(none.body.total).toBe(0);
  });
});

describe('PUT /applications/{id}', () => {
  it('lets the applicant edit while submitted, with the version read; stale versions and later edits answer 409', async () => {
    const rescue = await rescueWithStaff(api);
    const { petId } = await adoptablePet(api, rescue);
    const { application, adopter } = await submittedApplication(api, petId);
    const path = `/api/v1/applications/${application.id}`;
    const body = {
      expectedVersion: 1,
      answers: { ...CORE_SAMPLE_ANSWERS, hours_alone: 1 },
      references: [{ name: 'Sam', relationship: 'neighbour', phone: '+44 113 496 0001' }],
    };
    const edited = await api.request('PUT', path, { token: adopter.token, body });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, answers: { hours_alone: 1 }, references: [{ name: 'Sam' }] });
    expect((await api.request('PUT', path, { token: adopter.token, body })).body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await api.request('PUT', path, { token: rescue.staff.token, body: { ...body, expectedVersion: 2 } })).status).toBe(403);

    await review(api, rescue.staff, application.id, 'start_review');
    const late = await api.request('PUT', path, { token: adopter.token, body: { ...body, expectedVersion: 3 } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'under_review' } });
    expect((await api.request('GET', path, { token: adopter.token })).body.answers.hours_alone).toBe(1);
  });

  it('validates an edit against the form version the application answered', async () => {
    const { petId } = await adoptablePet(api);
    const { application, adopter } = await submittedApplication(api, petId);
    const res = await api.request('PUT', `/api/v1/applications/${application.id}`, {
      token: adopter.token,
      body: { expectedVersion: 1, answers: { ...CORE_SAMPLE_ANSWERS, garden: 'jungle' }, references: REFERENCES },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([{ field: 'answers.garden', constraints: { choice: expect.any(String) } }]);
  });
});

describe('rehomer pets', () => {
  it('answers the core form, and the rehomer is the owner side', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'published');
    const { application } = await submittedApplication(api, petId);
    expect(application.owner).toEqual({ type: 'individual', rescueId: null, userId: owner.id });
    expect((await review(api, owner, application.id, 'start_review')).body.status).toBe('under_review');
  });

  it("takes no applications for a rehomer's listing until it is published (404)", async () => {
    const rehomer = await createUser(api, { role: 'rehomer' });
    const pet = await createPet(api, rehomer);
    expect(pet.listingStatus).toBe('draft');
    expect((await submit(api, await createUser(api), pet.id)).status).toBe(404);
  });
});
