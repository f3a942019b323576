import { describe, expect, it } from 'vitest';
import type { CreatePetRequestDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { FakePetFans, fakeTx, FakeRescues, InMemoryPetsRepository, petRow } from '../../../../../test/support/pets-fakes';
import { FakeAudit, fakeId, FakeRoleChanges } from '../../../../../test/support/users-fakes';
import { PetAccessPolicy } from './pet-access';
import { PetAvailabilityChanges } from '@app/catalog';
import { PetsService } from './pets.service';

const principal = (role: Principal['role'], userId = fakeId()): Principal => ({ userId, role, sessionId: fakeId() });

function setup() {
  const pets = new InMemoryPetsRepository();
  const rescues = new FakeRescues();
  const audit = new FakeAudit();
  const fans = new FakePetFans();
  const availability = new PetAvailabilityChanges(pets, audit.asService(), fans.asPetFans());
  const roleChanges = FakeRoleChanges.over(pets.userRoles);
  const service = new PetsService(pets, new PetAccessPolicy(rescues), rescues, audit.asService(), availability, roleChanges.asService());
  return { pets, rescues, audit, fans, roleChanges, service };
}

const body = (overrides: Partial<CreatePetRequestDto> = {}): CreatePetRequestDto =>
  ({
    name: 'Biscuit',
    species: 'dog',
    primaryBreed: 'Beagle',
    sex: 'male',
    size: 'medium',
    description: 'Friendly.',
    location: { city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 1AA', latitude: 53.8, longitude: -1.55 },
    ...overrides,
  }) as CreatePetRequestDto;

describe('PetsService.create', () => {
  it('lists for a rescue only for its admins and staff (403 for volunteers and outsiders, 404 for an unknown rescue)', async () => {
    const { rescues, service } = setup();
    const staff = principal('rescue_staff');
    const volunteer = principal('rescue_staff');
    const rescueId = rescues.add('pending', { [staff.userId]: 'staff', [volunteer.userId]: 'volunteer' });
    const created = await service.create(fakeTx(), staff, body({ rescueId }));
    expect(created).toMatchObject({ owner: { type: 'rescue', rescueId, userId: null }, listingStatus: 'draft', availability: 'available' });
    await expect(service.create(fakeTx(), volunteer, body({ rescueId }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.create(fakeTx(), principal('adopter'), body({ rescueId }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.create(fakeTx(), staff, body({ rescueId: fakeId() }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fills the defaults, the birth date estimate and the geo cell, records the first history and audits', async () => {
    const { pets, audit, service } = setup();
    const owner = principal('rehomer');
    const dto = await service.create(fakeTx(), owner, body({ estimatedAgeMonths: 3 }));
    expect(dto).toMatchObject({
      colour: '',
      coat: 'short',
      energyLevel: 'moderate',
      temperament: [],
      ageGroup: 'baby',
      featured: false,
      owner: { type: 'individual', userId: owner.userId },
    });
    expect(pets.pets.get(dto.id)!.geoCell).toEqual(expect.any(Number));
    expect(pets.history.map((h) => [h.kind, h.fromStatus, h.toStatus])).toEqual([
      ['listing', null, 'draft'],
      ['availability', null, 'available'],
    ]);
    expect(audit.events.map((e) => e.action)).toEqual(['pet.created']);
  });

  it('makes an adopter a rehomer, through RoleChanges, when they list their own pet', async () => {
    const { pets, roleChanges, service } = setup();
    const adopter = principal('adopter');
    pets.userRoles.set(adopter.userId, 'adopter');
    await service.create(fakeTx(), adopter, body());
    expect(pets.userRoles.get(adopter.userId)).toBe('rehomer');
    expect(roleChanges.changes).toEqual([{ userId: adopter.userId, from: 'adopter', to: 'rehomer', context: { reason: 'listed a pet' } }]);
  });
});

describe('PetsService.update', () => {
  it('answers 404 to whoever cannot see the pet and 403 to whoever can but does not own it', async () => {
    const { pets, service } = setup();
    const draft = petRow();
    const published = petRow({ listingStatus: 'published' });
    pets.add(draft, published);
    await expect(service.update(principal('adopter'), draft.id, { expectedVersion: 1, name: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.update(principal('adopter'), published.id, { expectedVersion: 1, name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.update(principal('moderator'), published.id, { expectedVersion: 1, name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects a stale version with the current one and changes nothing', async () => {
    const { pets, audit, service } = setup();
    const pet = petRow({ version: 3 });
    pets.add(pet);
    await expect(service.update(principal('rehomer', pet.ownerUserId!), pet.id, { expectedVersion: 2, name: 'Late' })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 3 },
    });
    expect(pets.pets.get(pet.id)).toMatchObject({ name: 'Biscuit', version: 3 });
    expect(audit.events).toEqual([]);
  });

  it('changes the fields present, re-estimates the birth date from a new age and moves the geo cell with the location', async () => {
    const { pets, audit, service } = setup();
    const pet = petRow();
    pets.add(pet);
    const owner = principal('rehomer', pet.ownerUserId!);
    const dto = await service.update(owner, pet.id, {
      expectedVersion: 1,
      estimatedAgeMonths: 1,
      location: { city: 'York', region: 'North Yorkshire', postcode: 'YO1 7HH', latitude: 53.96, longitude: -1.08 },
    });
    expect(dto).toMatchObject({ ageGroup: 'baby', estimatedAgeMonths: 1, location: { city: 'York', latitude: 53.96 }, name: 'Biscuit', version: 2 });
    expect(pets.pets.get(pet.id)!.geoCell).toEqual(expect.any(Number));
    expect(audit.events[0]).toMatchObject({
      action: 'pet.updated',
      after: { version: 2, fields: ['estimatedAgeMonths', 'city', 'region', 'postcode', 'latitude', 'longitude', 'birthDateEstimate', 'geoCell'] },
    });
  });

  it('keeps the version when nothing changes', async () => {
    const { pets, service } = setup();
    const pet = petRow();
    pets.add(pet);
    expect((await service.update(principal('rehomer', pet.ownerUserId!), pet.id, { expectedVersion: 1, name: 'Biscuit' })).version).toBe(1);
  });
});

describe('PetsService.changeListing', () => {
  it('publishes a submitted rehomer listing by a moderator, once, with history and audit', async () => {
    const { pets, audit, service } = setup();
    const pet = petRow({ listingStatus: 'submitted' });
    pets.add(pet);
    const moderator = principal('moderator');
    const dto = await service.changeListing(moderator, pet.id, { action: 'publish', expectedVersion: 1 });
    expect(dto).toMatchObject({ listingStatus: 'published', version: 2 });
    expect(dto.publishedAt).not.toBeNull();
    expect(pets.history.at(-1)).toMatchObject({ kind: 'listing', fromStatus: 'submitted', toStatus: 'published', actorId: moderator.userId });
    expect(audit.events.at(-1)).toMatchObject({
      action: 'pet.listing_changed',
      before: { listingStatus: 'submitted' },
      after: { listingStatus: 'published', by: 'moderator' },
    });
  });

  it('checks the state (409), then who acts (403), and a return needs a reason (400)', async () => {
    const { pets, service } = setup();
    const pet = petRow({ listingStatus: 'submitted' });
    pets.add(pet);
    const owner = principal('rehomer', pet.ownerUserId!);
    await expect(service.changeListing(owner, pet.id, { action: 'retire', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'submitted', action: 'retire' },
    });
    await expect(service.changeListing(owner, pet.id, { action: 'publish', expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.changeListing(principal('moderator'), pet.id, { action: 'return', expectedVersion: 1, reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(pets.history).toEqual([]);
  });

  it("refuses to publish an unverified rescue's draft, and publishes a verified rescue's", async () => {
    const { pets, rescues, service } = setup();
    const staff = principal('rescue_staff');
    const pending = rescues.add('pending', { [staff.userId]: 'staff' });
    const verified = rescues.add('verified', { [staff.userId]: 'staff' });
    const a = petRow({ ownerType: 'rescue', rescueId: pending, ownerUserId: null });
    const b = petRow({ ownerType: 'rescue', rescueId: verified, ownerUserId: null });
    pets.add(a, b);
    await expect(service.changeListing(staff, a.id, { action: 'publish', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { rescueStatus: 'pending' },
    });
    expect((await service.changeListing(staff, b.id, { action: 'publish', expectedVersion: 1 })).listingStatus).toBe('published');
  });

  it('answers VERSION_CONFLICT when another change committed between the read and the conditional update', async () => {
    const { pets, service } = setup();
    const pet = petRow({ listingStatus: 'published' });
    pets.add(pet);
    const original = pets.changeListing.bind(pets);
    pets.changeListing = async (tx, id, expectedVersion, from, to) => {
      pets.pets.get(id)!.version++; // a concurrent change wins the race
      return original(tx, id, expectedVersion, from, to);
    };
    await expect(service.changeListing(principal('rehomer', pet.ownerUserId!), pet.id, { action: 'retire', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
  });
});

describe('PetsService.changeAvailability and remove', () => {
  it('sets adoptedAt while adopted, records the note, and refuses an impossible change', async () => {
    const { pets, service } = setup();
    const pet = petRow({ listingStatus: 'published' });
    pets.add(pet);
    const owner = principal('rehomer', pet.ownerUserId!);
    await service.changeAvailability(owner, pet.id, { availability: 'adopted', expectedVersion: 1, note: 'Went home' });
    expect(pets.pets.get(pet.id)!.adoptedAt).toBeInstanceOf(Date);
    expect(pets.history.at(-1)).toMatchObject({ fromStatus: 'available', toStatus: 'adopted', reason: 'Went home' });
    await expect(service.changeAvailability(owner, pet.id, { availability: 'pending', expectedVersion: 2 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await service.changeAvailability(owner, pet.id, { availability: 'available', expectedVersion: 2 });
    expect(pets.pets.get(pet.id)!.adoptedAt).toBeNull();
  });

  it("announces each change to the pet's fans, naming the actor, and nothing for a refused change", async () => {
    const { pets, fans, service } = setup();
    const pet = petRow({ listingStatus: 'published', name: 'Biscuit' });
    pets.add(pet);
    const owner = principal('rehomer', pet.ownerUserId!);
    await service.changeAvailability(owner, pet.id, { availability: 'on_hold', expectedVersion: 1 });
    await expect(service.changeAvailability(owner, pet.id, { availability: 'on_hold', expectedVersion: 2 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(service.changeAvailability(principal('adopter'), pet.id, { availability: 'adopted', expectedVersion: 2 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(fans.announced).toEqual([{ petId: pet.id, petName: 'Biscuit', from: 'available', to: 'on_hold', actorId: owner.userId }]);
  });

  it('soft-deletes for the owner side or a moderator; afterwards the pet is not found', async () => {
    const { pets, service } = setup();
    const pet = petRow({ listingStatus: 'published' });
    pets.add(pet);
    await expect(service.remove(principal('adopter'), pet.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await service.remove(principal('moderator'), pet.id);
    await expect(service.get(null, pet.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(principal('moderator'), pet.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
