// Pet listings: creation, who sees and changes what, the listing and availability state machines with their
// history, optimistic locking, soft delete, Idempotency-Key replay and mass assignment.
import { AuditLogEntity } from '@app/audit';
import { UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetEntity } from '@app/catalog';
import { startApi, type TestApi } from '../support/api';
import { claimsOf, createUser, signIn, type TestUser } from '../support/identity';
import { createPet, createRescue, dataSourceOf, listingAction, petBody, rehomerPetIn, rescuePetIn, rescueWithStaff } from '../support/pets';

let api: TestApi;
let db: DataSource;
beforeAll(async () => {
  api = await startApi();
  db = dataSourceOf(api);
});
afterAll(() => api.close());

const get = (petId: string, user?: TestUser) => api.request('GET', `/api/v1/pets/${petId}`, { token: user?.token });
const version = async (petId: string) => (await db.getRepository(PetEntity).findOneByOrFail({ id: petId })).version;

describe('POST /pets', () => {
  it("creates a rescue's pet as a draft with the contract's defaults, its first history entries and an audit entry", async () => {
    const { rescueId, staff } = await rescueWithStaff(api);
    const res = await api.request('POST', '/api/v1/pets', { token: staff.token, body: petBody({ rescueId, estimatedAgeMonths: 3 }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      listingStatus: 'draft',
      availability: 'available',
      owner: { type: 'rescue', rescueId, userId: null },
      mixedBreed: false,
      colour: '',
      coat: 'short',
      energyLevel: 'moderate',
      temperament: [],
      goodWithChildren: null,
      houseTrained: false,
      featured: false,
      adoptionFee: null,
      ageGroup: 'baby',
      publishedAt: null,
      version: 1,
      location: { city: 'Leeds', latitude: 53.8008, longitude: -1.5491 },
    });
    const row = await db.getRepository(PetEntity).findOneByOrFail({ id: res.body.id });
    expect(row.geoCell).not.toBeNull();
    const history = await api.request('GET', `/api/v1/pets/${res.body.id}/history`, { token: staff.token });
    expect(history.body.items.map((e: { kind: string; from: string | null; to: string }) => [e.kind, e.from, e.to])).toEqual([
      ['listing', null, 'draft'],
      ['availability', null, 'available'],
    ]);
    expect(await db.getRepository(AuditLogEntity).countBy({ action: 'pet.created', targetId: res.body.id })).toBe(1);
  });

  it('stores the age group from a known birth date, and defaults an unknown age to adult', async () => {
    const owner = await createUser(api, { role: 'rehomer' });
    const senior = await createPet(api, owner, { birthDate: '2012-03-04' });
    expect(senior).toMatchObject({ birthDate: '2012-03-04', ageGroup: 'senior' });
    expect(await createPet(api, owner)).toMatchObject({ birthDate: null, estimatedAgeMonths: null, ageGroup: 'adult' });
    const future = await api.request('POST', '/api/v1/pets', { token: owner.token, body: petBody({ birthDate: '2999-01-01' }) });
    expect(future.status).toBe(400);
  });

  it('makes an adopter who lists their own pet a rehomer, audited; other roles keep theirs', async () => {
    const adopter = await createUser(api, { role: 'adopter' });
    const pet = await createPet(api, adopter);
    expect(pet.owner).toEqual({ type: 'individual', rescueId: null, userId: adopter.id });
    expect((await db.getRepository(UserEntity).findOneByOrFail({ id: adopter.id })).role).toBe('rehomer');
    const audit = await db.getRepository(AuditLogEntity).findOneByOrFail({ action: 'user.role_changed', targetId: adopter.id });
    expect(audit).toMatchObject({
      actorId: adopter.id,
      beforeState: { role: 'adopter' },
      afterState: { role: 'rehomer', reason: 'listed a pet', accessTokens: 'stale', sessions: 'kept' },
    });

    const moderator = await createUser(api, { role: 'moderator' });
    await createPet(api, moderator);
    expect((await db.getRepository(UserEntity).findOneByOrFail({ id: moderator.id })).role).toBe('moderator');
  });

  it('keeps the session of the adopter it makes a rehomer: their token is stale, one refresh carries rehomer', async () => {
    const adopter = await createUser(api);
    const tokens = await signIn(api, adopter);
    await createPet(api, { ...adopter, token: tokens.accessToken });
    expect((await api.request('GET', '/api/v1/auth/me', { token: tokens.accessToken })).body.code).toBe('TOKEN_STALE');
    const refreshed = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refreshed.body.sessionId).toBe(tokens.sessionId);
    expect(claimsOf(refreshed.body.accessToken).role).toBe('rehomer');
  });

  it("lets only a rescue's admins and staff list for it: volunteers and outsiders get 403, an unknown rescue 404", async () => {
    const { rescueId, admin, volunteer } = await rescueWithStaff(api);
    const outsider = await createUser(api, { role: 'rescue_staff' });
    expect((await api.request('POST', '/api/v1/pets', { token: admin.token, body: petBody({ rescueId }) })).status).toBe(201);
    for (const user of [volunteer, outsider]) {
      const res = await api.request('POST', '/api/v1/pets', { token: user.token, body: petBody({ rescueId }) });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const unknown = await api.request('POST', '/api/v1/pets', { token: admin.token, body: petBody({ rescueId: '01900000-0000-7000-8000-00000000dead' }) });
    expect(unknown.status).toBe(404);
  });

  it('replays the first answer byte for byte for the same Idempotency-Key and creates one pet; another body answers 422', async () => {
    const owner = await createUser(api, { role: 'rehomer' });
    const headers = { 'idempotency-key': `pet-${owner.id}` };
    const body = petBody({ name: `Once ${owner.id.slice(-6)}` });
    const first = await api.request('POST', '/api/v1/pets', { token: owner.token, body, headers });
    const again = await api.request('POST', '/api/v1/pets', { token: owner.token, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(await db.getRepository(PetEntity).countBy({ ownerUserId: owner.id, name: body.name })).toBe(1);
    const reused = await api.request('POST', '/api/v1/pets', { token: owner.token, body: { ...body, name: 'Other' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('visibility', () => {
  it("keeps a rehomer's listing invisible until published: anonymous 404, another user 404, the owner and moderators see it", async () => {
    const { petId, owner, moderator } = await rehomerPetIn(api, 'draft');
    const stranger = await createUser(api);
    for (const res of [await get(petId), await get(petId, stranger)]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await get(petId, owner)).status).toBe(200);
    expect((await get(petId, moderator)).status).toBe(200);
    expect((await api.request('GET', `/api/v1/pets/${petId}/history`)).status).toBe(404);

    expect((await listingAction(api, owner, petId, 'submit')).status).toBe(200);
    expect((await get(petId, stranger)).status).toBe(404);
    expect((await listingAction(api, moderator, petId, 'publish')).status).toBe(200);
    expect((await get(petId)).status).toBe(200);
    expect((await get(petId, stranger)).body.listingStatus).toBe('published');
  });

  it("lets a rescue's volunteers see its drafts but not change them", async () => {
    const { petId, volunteer } = await rescuePetIn(api, 'draft');
    expect((await get(petId, volunteer)).status).toBe(200);
    const res = await api.request('PATCH', `/api/v1/pets/${petId}`, { token: volunteer.token, body: { expectedVersion: 1, name: 'Nope' } });
    expect(res.status).toBe(403);
  });

  it("answers another rescue's staff 404 on a draft and 403 on a published pet, and changes nothing", async () => {
    const draft = await rescuePetIn(api, 'draft');
    const published = await rescuePetIn(api, 'published');
    const other = await rescueWithStaff(api);
    for (const [petId, status] of [
      [draft.petId, 404],
      [published.petId, 403],
    ] as const) {
      const before = await version(petId);
      const attempts = [
        api.request('PATCH', `/api/v1/pets/${petId}`, { token: other.admin.token, body: { expectedVersion: before, name: 'Stolen' } }),
        api.request('PUT', `/api/v1/pets/${petId}/availability`, { token: other.admin.token, body: { expectedVersion: before, availability: 'on_hold' } }),
        api.request('POST', `/api/v1/pets/${petId}/listing`, { token: other.admin.token, body: { expectedVersion: before, action: 'retire' } }),
        api.request('POST', `/api/v1/pets/${petId}/medical-records`, {
          token: other.admin.token,
          body: { type: 'checkup', date: '2026-01-01', title: 'Check' },
        }),
        api.request('DELETE', `/api/v1/pets/${petId}`, { token: other.admin.token }),
      ];
      for (const res of await Promise.all(attempts)) expect(res.status).toBe(status);
      expect(await version(petId)).toBe(before);
    }
  });

  it('answers an adopter 403 when changing a published pet they can see', async () => {
    const { petId } = await rehomerPetIn(api, 'published');
    const adopter = await createUser(api);
    const res = await api.request('PATCH', `/api/v1/pets/${petId}`, { token: adopter.token, body: { expectedVersion: await version(petId), name: 'Mine' } });
    expect(res.status).toBe(403);
    expect((await api.request('DELETE', `/api/v1/pets/${petId}`, { token: adopter.token })).status).toBe(403);
  });
});

describe('listing state machine', () => {
  const expectInvalid = async (actor: TestUser, petId: string, action: string, from: string) => {
    const res = await listingAction(api, actor, petId, action, action === 'return' ? { reason: 'why not' } : {});
    expect({ action, from, status: res.status, code: res.body.code, details: res.body.details }).toEqual({
      action,
      from,
      status: 409,
      code: 'INVALID_TRANSITION',
      details: { from, action },
    });
  };

  it("refuses every transition a rehomer's listing does not have with 409 INVALID_TRANSITION", async () => {
    const invalid: Record<string, string[]> = {
      draft: ['publish', 'return', 'retire'],
      submitted: ['submit', 'retire'],
      published: ['submit', 'publish', 'return'],
      retired: ['submit', 'publish', 'return', 'retire'],
    };
    for (const [status, actions] of Object.entries(invalid)) {
      const { petId, owner, moderator } = await rehomerPetIn(api, status as 'draft');
      for (const action of actions) {
        await expectInvalid(owner, petId, action, status);
        await expectInvalid(moderator, petId, action, status);
      }
    }
  });

  it("refuses every transition a rescue's listing does not have with 409 INVALID_TRANSITION", async () => {
    const invalid: Record<string, string[]> = {
      draft: ['submit', 'return', 'retire'],
      published: ['submit', 'publish', 'return'],
      retired: ['submit', 'publish', 'return', 'retire'],
    };
    for (const [status, actions] of Object.entries(invalid)) {
      const { petId, staff } = await rescuePetIn(api, status as 'draft');
      for (const action of actions) await expectInvalid(staff, petId, action, status);
    }
  });

  it('keeps moderation to moderators and submission to the owner (403), and a return needs a reason (400)', async () => {
    const { petId, owner, moderator } = await rehomerPetIn(api, 'submitted');
    expect((await listingAction(api, owner, petId, 'publish')).status).toBe(403);
    expect((await listingAction(api, owner, petId, 'return', { reason: 'self' })).status).toBe(403);
    expect((await listingAction(api, moderator, petId, 'return')).status).toBe(400);
    const returned = await listingAction(api, moderator, petId, 'return', { reason: 'Please add photos of the pet.' });
    expect(returned.body).toMatchObject({ listingStatus: 'draft' });
    const draft = await rehomerPetIn(api, 'draft');
    expect((await listingAction(api, draft.moderator, draft.petId, 'submit')).status).toBe(403);
  });

  it('does not let staff of an unverified rescue publish (403), and does once the rescue is verified', async () => {
    const rescue = await rescueWithStaff(api, 'pending');
    const pet = await createPet(api, rescue.staff, { rescueId: rescue.rescueId });
    const refused = await listingAction(api, rescue.staff, pet.id, 'publish');
    expect(refused.status).toBe(403);
    expect(refused.body.details).toMatchObject({ rescueStatus: 'pending' });
    const moderator = await createUser(api, { role: 'moderator' });
    expect((await listingAction(api, moderator, pet.id, 'publish')).status).toBe(403);
    expect(await version(pet.id)).toBe(1);

    await db.query("UPDATE rescues SET status = 'verified' WHERE id = ?", [rescue.rescueId]);
    expect((await listingAction(api, rescue.staff, pet.id, 'publish')).body).toMatchObject({ listingStatus: 'published' });
  });

  it('lets a moderator retire any published listing', async () => {
    const { petId } = await rescuePetIn(api, 'published');
    const moderator = await createUser(api, { role: 'moderator' });
    expect((await listingAction(api, moderator, petId, 'retire', { reason: 'Reported as sold.' })).body.listingStatus).toBe('retired');
  });

  it('records every change in order in the history, sets publishedAt once and adoptedAt only while adopted', async () => {
    const { petId, owner, moderator } = await rehomerPetIn(api, 'draft');
    const availability = async (to: string, note?: string) => {
      const res = await api.request('PUT', `/api/v1/pets/${petId}/availability`, {
        token: owner.token,
        body: { availability: to, note, expectedVersion: await version(petId) },
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    await listingAction(api, owner, petId, 'submit');
    await listingAction(api, moderator, petId, 'return', { reason: 'Add a description' });
    await listingAction(api, owner, petId, 'submit');
    const published = (await listingAction(api, moderator, petId, 'publish')).body;
    expect(published.publishedAt).not.toBeNull();
    await availability('on_hold', 'Meeting a family');
    await availability('adopted');
    expect((await db.getRepository(PetEntity).findOneByOrFail({ id: petId })).adoptedAt).toBeInstanceOf(Date);
    const back = await availability('available', 'Returned');
    expect((await db.getRepository(PetEntity).findOneByOrFail({ id: petId })).adoptedAt).toBeNull();
    expect(back.publishedAt).toBe(published.publishedAt);
    await listingAction(api, owner, petId, 'retire');

    const page1 = await api.request('GET', `/api/v1/pets/${petId}/history?limit=4`, { token: owner.token });
    const page2 = await api.request('GET', `/api/v1/pets/${petId}/history?limit=4&cursor=${page1.body.nextCursor}`, { token: owner.token });
    const page3 = await api.request('GET', `/api/v1/pets/${petId}/history?limit=4&cursor=${page2.body.nextCursor}`, { token: owner.token });
    expect(page3.body.nextCursor).toBeNull();
    const entries = [...page1.body.items, ...page2.body.items, ...page3.body.items];
    expect(page1.body.total).toBe(10);
    expect(entries.map((e) => `${e.kind}:${e.from}→${e.to}`)).toEqual([
      'listing:null→draft',
      'availability:null→available',
      'listing:draft→submitted',
      'listing:submitted→draft',
      'listing:draft→submitted',
      'listing:submitted→published',
      'availability:available→on_hold',
      'availability:on_hold→adopted',
      'availability:adopted→available',
      'listing:published→retired',
    ]);
    expect(entries[3]).toMatchObject({ actorId: moderator.id, reason: 'Add a description' });
    expect(entries[6]).toMatchObject({ actorId: owner.id, reason: 'Meeting a family' });
    expect(await db.getRepository(AuditLogEntity).countBy({ targetId: petId, action: 'pet.listing_changed' })).toBe(5);
    expect(await db.getRepository(AuditLogEntity).countBy({ targetId: petId, action: 'pet.availability_changed' })).toBe(3);
  });

  it('refuses availability changes the machine does not have with 409 INVALID_TRANSITION', async () => {
    const { petId, staff } = await rescuePetIn(api, 'published');
    const put = async (to: string) =>
      api.request('PUT', `/api/v1/pets/${petId}/availability`, { token: staff.token, body: { availability: to, expectedVersion: await version(petId) } });
    const same = await put('available');
    expect(same.status).toBe(409);
    expect(same.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'available', to: 'available' } });
    expect((await put('adopted')).status).toBe(200);
    for (const to of ['on_hold', 'pending']) expect((await put(to)).body.details).toEqual({ from: 'adopted', to });
    expect((await put('not_available')).status).toBe(200);
    for (const to of ['adopted', 'pending']) expect((await put(to)).body.code).toBe('INVALID_TRANSITION');
  });
});

describe('optimistic locking', () => {
  it('lets exactly one of several concurrent PATCHes with the same version win; the others get VERSION_CONFLICT', async () => {
    const { petId, staff } = await rescuePetIn(api, 'draft');
    const results = await Promise.all(
      ['Ada', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => api.request('PATCH', `/api/v1/pets/${petId}`, { token: staff.token, body: { expectedVersion: 1, name } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers.map((r) => [r.status, r.body.code, r.body.details.currentVersion])).toEqual(Array(4).fill([409, 'VERSION_CONFLICT', 2]));
    const winner = results.find((r) => r.status === 200)!;
    expect((await get(petId, staff)).body).toMatchObject({ name: winner.body.name, version: 2 });
  });

  it('lets exactly one of two concurrent transitions from the same state win, with one history entry', async () => {
    const { petId, staff } = await rescuePetIn(api, 'published');
    const v = await version(petId);
    const results = await Promise.all([
      api.request('POST', `/api/v1/pets/${petId}/listing`, { token: staff.token, body: { action: 'retire', expectedVersion: v } }),
      api.request('PUT', `/api/v1/pets/${petId}/availability`, { token: staff.token, body: { availability: 'adopted', expectedVersion: v } }),
      api.request('POST', `/api/v1/pets/${petId}/listing`, { token: staff.token, body: { action: 'retire', expectedVersion: v } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const history = await api.request('GET', `/api/v1/pets/${petId}/history`, { token: staff.token });
    expect(history.body.total).toBe(4);
  });

  it('keeps the stored age when a PUT sends back the estimated age it read, and changes nothing on an unchanged PATCH', async () => {
    const owner = await createUser(api, { role: 'rehomer' });
    const pet = await createPet(api, owner, { estimatedAgeMonths: 30 });
    await db.query('UPDATE pets SET birth_date_estimate = birth_date_estimate - INTERVAL 5 YEAR WHERE id = ?', [pet.id]);
    const read = (await get(pet.id, owner)).body;
    const {
      id: _id,
      ageGroup: _a,
      listingStatus: _l,
      availability: _v,
      owner: _o,
      publishedAt: _p,
      createdAt: _c,
      updatedAt: _u,
      version: v,
      ...fields
    } = read;
    const replaced = await api.request('PUT', `/api/v1/pets/${pet.id}`, { token: owner.token, body: { ...fields, name: 'Renamed', expectedVersion: v } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Renamed', ageGroup: read.ageGroup, version: v + 1 });
    const unchanged = await api.request('PATCH', `/api/v1/pets/${pet.id}`, { token: owner.token, body: { expectedVersion: v + 1, name: 'Renamed' } });
    expect(unchanged.body.version).toBe(v + 1);
    const reaged = await api.request('PATCH', `/api/v1/pets/${pet.id}`, { token: owner.token, body: { expectedVersion: v + 1, estimatedAgeMonths: 2 } });
    expect(reaged.body).toMatchObject({ estimatedAgeMonths: 2, ageGroup: 'baby', version: v + 2 });
  });
});

describe('mass assignment', () => {
  const forbidden: Array<[string, unknown]> = [
    ['listingStatus', 'published'],
    ['availability', 'adopted'],
    ['owner', { type: 'individual', rescueId: null, userId: '01900000-0000-7000-8000-000000000001' }],
    ['rescueId', '01900000-0000-7000-8000-000000000001'],
    ['publishedAt', '2026-01-01T00:00:00.000Z'],
    ['version', 99],
    ['id', '01900000-0000-7000-8000-000000000001'],
    ['deletedAt', null],
    ['__proto__', { listingStatus: 'published' }],
  ];
  for (const [field, value] of forbidden) {
    it(`refuses ${field} in a PATCH with 400 and changes nothing`, async () => {
      const { petId, owner } = await rehomerPetIn(api, 'draft');
      const rawBody = `{"expectedVersion":1,"name":"Changed",${JSON.stringify(field)}:${JSON.stringify(value)}}`;
      const res = await api.request('PATCH', `/api/v1/pets/${petId}`, { token: owner.token, rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((await get(petId, owner)).body).toMatchObject({ name: 'Biscuit', listingStatus: 'draft', version: 1, owner: { userId: owner.id } });
    });
  }

  it('refuses a listingStatus in POST /pets', async () => {
    const owner = await createUser(api, { role: 'rehomer' });
    const res = await api.request('POST', '/api/v1/pets', { token: owner.token, body: petBody({ listingStatus: 'published' }) });
    expect(res.status).toBe(400);
    expect(await db.getRepository(PetEntity).countBy({ ownerUserId: owner.id })).toBe(0);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const owner = await createUser(api, { role: 'rehomer' });
    const res = await api.request('POST', '/api/v1/pets', { token: owner.token, rawBody: 'name=Biscuit', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
  });
});

describe('DELETE /pets/{petId}', () => {
  it('soft-deletes: the pet answers 404 everywhere afterwards, even to its owner and moderators, and the row stays', async () => {
    const { petId, staff, rescueId } = await rescuePetIn(api, 'published');
    const fan = await createUser(api);
    await api.request('POST', `/api/v1/pets/${petId}/favorite`, { token: fan.token });
    const moderator = await createUser(api, { role: 'moderator' });
    expect((await api.request('DELETE', `/api/v1/pets/${petId}`, { token: staff.token })).status).toBe(204);
    for (const user of [undefined, staff, moderator]) expect((await get(petId, user)).status).toBe(404);
    expect((await api.request('GET', `/api/v1/pets/${petId}/history`, { token: staff.token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/pets/${petId}/medical-records`, { token: staff.token })).status).toBe(404);
    expect((await api.request('PATCH', `/api/v1/pets/${petId}`, { token: staff.token, body: { expectedVersion: 4, name: 'Back' } })).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/pets/${petId}`, { token: staff.token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/rescues/${rescueId}/pets`, { token: staff.token })).body.items).toEqual([]);
    expect((await api.request('GET', '/api/v1/users/me/favorites', { token: fan.token })).body).toMatchObject({ items: [], total: 0 });
    expect((await db.getRepository(PetEntity).findOneByOrFail({ id: petId })).deletedAt).toBeInstanceOf(Date);
    expect(await db.getRepository(AuditLogEntity).countBy({ targetId: petId, action: 'pet.deleted' })).toBe(1);
  });

  it('lets a moderator delete any listing', async () => {
    const { petId, moderator } = await rehomerPetIn(api, 'submitted');
    expect((await api.request('DELETE', `/api/v1/pets/${petId}`, { token: moderator.token })).status).toBe(204);
  });
});

describe('createRescue helper', () => {
  it('creates rescues the pets endpoints accept', async () => {
    const admin = await createUser(api, { role: 'rescue_admin' });
    const rescueId = await createRescue(api, 'verified', [[admin, 'admin']]);
    expect((await api.request('POST', '/api/v1/pets', { token: admin.token, body: petBody({ rescueId }) })).status).toBe(201);
  });
});
