import { describe, expect, it } from 'vitest';
import type { Principal } from '@app/identity';
import { FakeRescues, InMemoryPetsRepository, petRow } from '../../../../../test/support/pets-fakes';
import { fakeId } from '../../../../../test/support/users-fakes';
import { PetAccessPolicy } from './pet-access';
import { PetListsService } from './pet-lists.service';

const principal = (role: Principal['role'], userId = fakeId()): Principal => ({ userId, role, sessionId: fakeId() });

function setup() {
  const pets = new InMemoryPetsRepository();
  const rescues = new FakeRescues();
  return { pets, rescues, service: new PetListsService(pets, new PetAccessPolicy(rescues), rescues) };
}

describe('PetListsService', () => {
  it('favourites only visible pets, idempotently, and lists those still visible', async () => {
    const { pets, service } = setup();
    const fan = principal('adopter');
    const published = petRow({ listingStatus: 'published' });
    const draft = petRow();
    pets.add(published, draft);
    await service.addFavorite(fan, published.id);
    await service.addFavorite(fan, published.id);
    await expect(service.addFavorite(fan, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await service.listFavorites(fan, {})).toMatchObject({ total: 1, items: [{ id: published.id }] });
    pets.pets.get(published.id)!.listingStatus = 'retired';
    expect((await service.listFavorites(fan, {})).total).toBe(0);
    await service.removeFavorite(fan, published.id);
    expect(pets.favorites).toEqual([]);
  });

  it("lists a rescue's drafts for its members (volunteers included) and only published pets for others", async () => {
    const { pets, rescues, service } = setup();
    const volunteer = principal('rescue_staff');
    const rescueId = rescues.add('verified', { [volunteer.userId]: 'volunteer' });
    const draft = petRow({ ownerType: 'rescue', rescueId, ownerUserId: null });
    const published = petRow({ ownerType: 'rescue', rescueId, ownerUserId: null, listingStatus: 'published' });
    pets.add(draft, published);
    expect((await service.listRescuePets(volunteer, rescueId, {})).items.map((p) => p.id)).toEqual([published.id, draft.id]);
    expect((await service.listRescuePets(volunteer, rescueId, { listingStatus: ['draft'] })).items.map((p) => p.id)).toEqual([draft.id]);
    expect((await service.listRescuePets(null, rescueId, { listingStatus: ['draft'] })).items).toEqual([]);
    expect((await service.listRescuePets(principal('adopter'), rescueId, {})).items.map((p) => p.id)).toEqual([published.id]);
    await expect(service.listRescuePets(null, fakeId(), {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("pages a rehomer's listings newest first with a cursor", async () => {
    const { pets, service } = setup();
    const rehomer = principal('rehomer');
    const rows = [1, 2, 3].map(() => petRow({ ownerUserId: rehomer.userId, listingStatus: 'published' }));
    pets.add(...rows);
    const first = await service.listRehomes(null, rehomer.userId, { limit: 2 });
    const second = await service.listRehomes(null, rehomer.userId, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(rows.map((r) => r.id).reverse());
    expect(second.nextCursor).toBeNull();
  });
});
