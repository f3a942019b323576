// Favourites, a rehomer's listings, a rescue's pets, species and breeds, and medical records.
import { AuditLogEntity } from '@app/audit';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREEDS_BY_SPECIES } from '@app/database';
import { startApi, type TestApi } from '../support/api';
import { createUser } from '../support/identity';
import { createPet, dataSourceOf, listingAction, rehomerPetIn, rescuePetIn, rescueWithStaff } from '../support/pets';

let api: TestApi;
let db: DataSource;
beforeAll(async () => {
  api = await startApi();
  db = dataSourceOf(api);
});
afterAll(() => api.close());

describe('favourites', () => {
  it('are idempotent both ways and listed once, most recently favourited first, in keyset pages', async () => {
    const fan = await createUser(api);
    const pets = [await rescuePetIn(api, 'published'), await rehomerPetIn(api, 'published'), await rehomerPetIn(api, 'published')];
    for (const { petId } of pets) {
      expect((await api.request('POST', `/api/v1/pets/${petId}/favorite`, { token: fan.token })).status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await api.request('POST', `/api/v1/pets/${pets[0].petId}/favorite`, { token: fan.token })).status).toBe(204);
    const first = await api.request('GET', '/api/v1/users/me/favorites?limit=2', { token: fan.token });
    expect(first.body.total).toBe(3);
    const second = await api.request('GET', `/api/v1/users/me/favorites?limit=2&cursor=${first.body.nextCursor}`, { token: fan.token });
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((p: { id: string }) => p.id)).toEqual([pets[2].petId, pets[1].petId, pets[0].petId]);

    for (let i = 0; i < 2; i++) expect((await api.request('DELETE', `/api/v1/pets/${pets[1].petId}/favorite`, { token: fan.token })).status).toBe(204);
    const after = await api.request('GET', '/api/v1/users/me/favorites', { token: fan.token });
    expect(after.body.items.map((p: { id: string }) => p.id)).toEqual([pets[2].petId, pets[0].petId]);
  });

  it('cannot favourite a pet the caller cannot see (404), and hide a favourite once its pet is no longer visible', async () => {
    const fan = await createUser(api);
    const draft = await rehomerPetIn(api, 'draft');
    expect((await api.request('POST', `/api/v1/pets/${draft.petId}/favorite`, { token: fan.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/pets/${draft.petId}/favorite`, { token: fan.token })).status).toBe(404);

    const published = await rehomerPetIn(api, 'published');
    await api.request('POST', `/api/v1/pets/${published.petId}/favorite`, { token: fan.token });
    expect((await listingAction(api, published.owner, published.petId, 'retire')).status).toBe(200);
    expect((await api.request('GET', '/api/v1/users/me/favorites', { token: fan.token })).body).toMatchObject({ items: [], total: 0 });
    expect((await api.request('DELETE', `/api/v1/pets/${published.petId}/favorite`, { token: fan.token })).status).toBe(204);
    expect(await db.query('SELECT 1 FROM pet_favorites WHERE user_id = ?', [fan.id])).toHaveLength(0);
  });

  it('lets an owner favourite and list their own draft', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'draft');
    await api.request('POST', `/api/v1/pets/${petId}/favorite`, { token: owner.token });
    expect((await api.request('GET', '/api/v1/users/me/favorites', { token: owner.token })).body.items.map((p: { id: string }) => p.id)).toEqual([petId]);
  });
});

describe('GET /users/{userId}/rehomes', () => {
  it("shows a rehomer's published listings to everyone and every state to the rehomer and moderators", async () => {
    const rehomer = await createUser(api, { role: 'rehomer' });
    const published = await rehomerPetIn(api, 'published', rehomer);
    const draft = await createPet(api, rehomer);
    const rescue = await rescuePetIn(api, 'published');
    const moderator = await createUser(api, { role: 'moderator' });
    const ids = async (token?: string) =>
      (await api.request('GET', `/api/v1/users/${rehomer.id}/rehomes`, { token })).body.items.map((p: { id: string }) => p.id);
    expect(await ids()).toEqual([published.petId]);
    expect(await ids((await createUser(api)).token)).toEqual([published.petId]);
    expect(await ids(rehomer.token)).toEqual([draft.id, published.petId]);
    expect(await ids(moderator.token)).toEqual([draft.id, published.petId]);
    expect(await ids(rescue.staff.token)).not.toContain(rescue.petId);
    const unknown = await api.request('GET', '/api/v1/users/01900000-0000-7000-8000-0000000000aa/rehomes');
    expect(unknown.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('GET /rescues/{rescueId}/pets', () => {
  it('shows published pets to everyone and every state (filtered by listingStatus) to the staff, newest first in keyset pages', async () => {
    const rescue = await rescueWithStaff(api);
    const published = [await rescuePetIn(api, 'published', rescue), await rescuePetIn(api, 'published', rescue)];
    const draft = await rescuePetIn(api, 'draft', rescue);
    const retired = await rescuePetIn(api, 'retired', rescue);
    const list = (query: string, token?: string) => api.request('GET', `/api/v1/rescues/${rescue.rescueId}/pets${query}`, { token });
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id);

    expect(ids(await list(''))).toEqual([published[1].petId, published[0].petId]);
    expect(ids(await list('?listingStatus=draft'))).toEqual([]);
    const staffAll = await list('', rescue.volunteer.token);
    expect(staffAll.body.total).toBe(4);
    expect(ids(staffAll)).toEqual([retired.petId, draft.petId, published[1].petId, published[0].petId]);
    expect(ids(await list('?listingStatus=draft&listingStatus=retired', rescue.staff.token))).toEqual([retired.petId, draft.petId]);
    const page1 = await list('?limit=3', rescue.admin.token);
    const page2 = await list(`?limit=3&cursor=${page1.body.nextCursor}`, rescue.admin.token);
    expect([...ids(page1), ...ids(page2)]).toEqual(ids(staffAll));
    expect(page2.body.nextCursor).toBeNull();
    const summary = page1.body.items[0];
    expect(summary).toMatchObject({ listingStatus: 'retired', rescueId: rescue.rescueId, city: 'Leeds', distanceKm: null, ageGroup: 'adult' });

    expect((await api.request('GET', '/api/v1/rescues/01900000-0000-7000-8000-0000000000bb/pets')).status).toBe(404);
  });
});

describe('species and breeds', () => {
  it('lists every species with its label and breed count, and the breeds of one by name', async () => {
    const species = await api.request('GET', '/api/v1/species');
    expect(species.body.total).toBe(7);
    expect(species.body.items[0]).toEqual({ species: 'dog', label: 'Dog', breedCount: BREEDS_BY_SPECIES.dog.length });
    expect(species.body.items.find((s: { species: string }) => s.species === 'small_mammal')).toMatchObject({ label: 'Small mammal', breedCount: 8 });
    expect(BREEDS_BY_SPECIES.dog.length).toBeGreaterThanOrEqual(40);
    const cats = await api.request('GET', '/api/v1/species/cat/breeds');
    const names = cats.body.items.map((b: { name: string }) => b.name);
    expect(names).toEqual([...BREEDS_BY_SPECIES.cat].sort((a, b) => a.localeCompare(b)));
    expect(cats.body.items[0]).toEqual({ name: 'Abyssinian', species: 'cat' });
    expect((await api.request('GET', '/api/v1/species/dragon/breeds')).status).toBe(400);
  });
});

describe('medical records', () => {
  const record = { type: 'vaccination', date: '2026-03-01', title: 'Rabies booster', vetName: 'Dr Jones', clinic: 'Leeds Vets', notes: 'No reaction.' };

  it('gives the public a summary and the owner side and admins the full records; admins verify, changes unverify', async () => {
    const { petId, staff, volunteer } = await rescuePetIn(api, 'published');
    const created = await api.request('POST', `/api/v1/pets/${petId}/medical-records`, { token: staff.token, body: record });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ petId, vetName: 'Dr Jones', verified: false, verifiedAt: null, version: 1 });
    const recordId = created.body.id;
    const admin = await createUser(api, { role: 'admin' });
    const moderator = await createUser(api, { role: 'moderator' });
    const adopter = await createUser(api);

    const listed = async (token?: string) => (await api.request('GET', `/api/v1/pets/${petId}/medical-records`, { token })).body.items[0];
    for (const token of [undefined, adopter.token, moderator.token]) {
      expect(await listed(token)).toMatchObject({ id: recordId, title: 'Rabies booster', date: '2026-03-01', vetName: null, clinic: null, notes: null });
    }
    for (const token of [staff.token, volunteer.token, admin.token])
      expect(await listed(token)).toMatchObject({ vetName: 'Dr Jones', clinic: 'Leeds Vets', notes: 'No reaction.' });

    for (const user of [adopter, moderator, staff]) {
      const res = await api.request('POST', `/api/v1/medical-records/${recordId}/verify`, { token: user.token });
      expect(res.status).toBe(403);
    }
    const verified = await api.request('POST', `/api/v1/medical-records/${recordId}/verify`, { token: admin.token });
    expect(verified.body).toMatchObject({ verified: true, version: 2 });
    expect(verified.body.verifiedAt).not.toBeNull();
    expect((await api.request('POST', `/api/v1/medical-records/${recordId}/verify`, { token: admin.token })).body.version).toBe(2);
    expect(await db.getRepository(AuditLogEntity).countBy({ action: 'medical_record.verified', targetId: recordId })).toBe(1);

    const outsider = await api.request('PATCH', `/api/v1/medical-records/${recordId}`, { token: adopter.token, body: { expectedVersion: 2, title: 'Hacked' } });
    expect(outsider.status).toBe(403);
    const changed = await api.request('PATCH', `/api/v1/medical-records/${recordId}`, {
      token: staff.token,
      body: { expectedVersion: 2, notes: 'Mild swelling.' },
    });
    expect(changed.body).toMatchObject({ notes: 'Mild swelling.', verified: false, verifiedAt: null, version: 3 });
    const stale = await api.request('PATCH', `/api/v1/medical-records/${recordId}`, { token: staff.token, body: { expectedVersion: 2, title: 'Late' } });
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
  });

  it('hides the records of a pet the caller cannot see, and lets only the owner side add them', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'draft');
    const created = await api.request('POST', `/api/v1/pets/${petId}/medical-records`, { token: owner.token, body: record });
    const stranger = await createUser(api);
    expect((await api.request('GET', `/api/v1/pets/${petId}/medical-records`)).status).toBe(404);
    expect(
      (await api.request('PATCH', `/api/v1/medical-records/${created.body.id}`, { token: stranger.token, body: { expectedVersion: 1, title: 'x' } })).status,
    ).toBe(404);
    const published = await rehomerPetIn(api, 'published');
    expect((await api.request('POST', `/api/v1/pets/${published.petId}/medical-records`, { token: stranger.token, body: record })).status).toBe(403);
  });

  it('replays a medical record creation for the same Idempotency-Key', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'draft');
    const headers = { 'idempotency-key': `medical-${petId}` };
    const first = await api.request('POST', `/api/v1/pets/${petId}/medical-records`, { token: owner.token, body: record, headers });
    const again = await api.request('POST', `/api/v1/pets/${petId}/medical-records`, { token: owner.token, body: record, headers });
    expect(again.text).toBe(first.text);
    expect((await api.request('GET', `/api/v1/pets/${petId}/medical-records`, { token: owner.token })).body.total).toBe(1);
  });

  it('lists records newest first by date, in keyset pages', async () => {
    const { petId, owner } = await rehomerPetIn(api, 'draft');
    for (const date of ['2025-01-10', '2026-02-01', '2025-06-15']) {
      await api.request('POST', `/api/v1/pets/${petId}/medical-records`, { token: owner.token, body: { ...record, date } });
    }
    const page1 = await api.request('GET', `/api/v1/pets/${petId}/medical-records?limit=2`, { token: owner.token });
    const page2 = await api.request('GET', `/api/v1/pets/${petId}/medical-records?limit=2&cursor=${page1.body.nextCursor}`, { token: owner.token });
    expect([...page1.body.items, ...page2.body.items].map((r: { date: string }) => r.date)).toEqual(['2026-02-01', '2025-06-15', '2025-01-10']);
    expect(page2.body.nextCursor).toBeNull();
  });
});
