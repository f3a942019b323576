// Factories for the pets tests: rescues (by SQL, so the pets tests do not depend on the rescues endpoints) and
// pets created through the API and moved to a given listing state.
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { ListingStatus, RescueStatus, StaffRole } from '@app/contracts';
import type { DataSource } from 'typeorm';
import type { TestApi } from './api';
import { createUser, type TestUser } from './identity';

export const dataSourceOf = (api: TestApi) => api.app.get<DataSource>(getDataSourceToken());

/** Inserts a rescue with the given members; returns its id. */
export async function createRescue(api: TestApi, status: RescueStatus, members: Array<[TestUser, StaffRole]> = []): Promise<string> {
  const id = newId();
  const db = dataSourceOf(api);
  await db.query(
    `INSERT INTO rescues (id, name, description, email, city, region, postcode, status, verified_at, settings)
     VALUES (?, ?, 'A test rescue.', ?, 'Leeds', 'West Yorkshire', 'LS1 1AA', ?, ?, ?)`,
    [
      id,
      `Rescue ${id.slice(-6)}`,
      `rescue-${id.slice(-12)}@example.org`,
      status,
      status === 'verified' ? new Date() : null,
      JSON.stringify({ defaultAdoptionFee: null, adoptionPolicy: '', waitlistOnApproval: false }),
    ],
  );
  for (const [user, role] of members) await db.query('INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, ?)', [id, user.id, role]);
  return id;
}

/** A verified rescue with one member of each role. */
export async function rescueWithStaff(api: TestApi, status: RescueStatus = 'verified') {
  const admin = await createUser(api, { role: 'rescue_admin' });
  const staff = await createUser(api, { role: 'rescue_staff' });
  const volunteer = await createUser(api, { role: 'rescue_staff' });
  const rescueId = await createRescue(api, status, [
    [admin, 'admin'],
    [staff, 'staff'],
    [volunteer, 'volunteer'],
  ]);
  return { rescueId, admin, staff, volunteer };
}

export function petBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Biscuit',
    species: 'dog',
    primaryBreed: 'Beagle',
    sex: 'male',
    size: 'medium',
    description: 'A friendly beagle who loves walks.',
    location: { city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 1AA', latitude: 53.8008, longitude: -1.5491 },
    ...overrides,
  };
}

export async function createPet(api: TestApi, owner: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await api.request('POST', '/api/v1/pets', { token: owner.token, body: petBody(overrides) });
  if (res.status !== 201) throw new Error(`createPet answered ${res.status}: ${res.text}`);
  return res.body as { id: string; version: number; listingStatus: ListingStatus; [key: string]: unknown };
}

export async function listingAction(api: TestApi, actor: TestUser, petId: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await api.request('GET', `/api/v1/pets/${petId}`, { token: actor.token });
  return api.request('POST', `/api/v1/pets/${petId}/listing`, { token: actor.token, body: { action, expectedVersion: current.body.version, ...extra } });
}

/** A rehomer's pet, moved to `status` (a moderator publishes it). */
export async function rehomerPetIn(api: TestApi, status: ListingStatus, rehomer?: TestUser) {
  const owner = rehomer ?? (await createUser(api, { role: 'rehomer' }));
  const moderator = await createUser(api, { role: 'moderator' });
  const pet = await createPet(api, owner);
  const steps: Record<ListingStatus, Array<[TestUser, string]>> = {
    draft: [],
    submitted: [[owner, 'submit']],
    published: [
      [owner, 'submit'],
      [moderator, 'publish'],
    ],
    retired: [
      [owner, 'submit'],
      [moderator, 'publish'],
      [owner, 'retire'],
    ],
  };
  for (const [actor, action] of steps[status]) {
    const res = await listingAction(api, actor, pet.id, action);
    if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  }
  return { petId: pet.id, owner, moderator };
}

/** A verified rescue's pet, moved to `status` by its staff. */
export async function rescuePetIn(api: TestApi, status: Exclude<ListingStatus, 'submitted'>, rescue?: Awaited<ReturnType<typeof rescueWithStaff>>) {
  const r = rescue ?? (await rescueWithStaff(api));
  const pet = await createPet(api, r.staff, { rescueId: r.rescueId });
  const actions = { draft: [], published: ['publish'], retired: ['publish', 'retire'] }[status];
  for (const action of actions) {
    const res = await listingAction(api, r.staff, pet.id, action);
    if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  }
  return { petId: pet.id, ...r };
}
