import { describe, expect, it } from 'vitest';
import type { Principal } from '@app/identity';
import { fakeTx, FakeRescues, InMemoryMedicalRecordsRepository, InMemoryPetsRepository, petRow } from '../../../../../test/support/pets-fakes';
import { FakeAudit, fakeId } from '../../../../../test/support/users-fakes';
import { MedicalRecordsService } from './medical-records.service';
import { PetAccessPolicy } from './pet-access';

const principal = (role: Principal['role'], userId = fakeId()): Principal => ({ userId, role, sessionId: fakeId() });
const record = { type: 'vaccination' as const, date: '2026-03-01', title: 'Booster', vetName: 'Dr Jones', clinic: 'Leeds Vets', notes: 'Fine.' };

async function setup() {
  const pets = new InMemoryPetsRepository();
  const records = new InMemoryMedicalRecordsRepository();
  const audit = new FakeAudit();
  const service = new MedicalRecordsService(records, pets, new PetAccessPolicy(new FakeRescues()), audit.asService());
  const pet = petRow({ listingStatus: 'published' });
  pets.add(pet);
  const owner = principal('rehomer', pet.ownerUserId!);
  const created = await service.create(fakeTx(), owner, pet.id, record);
  return { pets, records, audit, service, pet, owner, recordId: created.id as string };
}

describe('MedicalRecordsService', () => {
  it('shows everyone who can see the pet a summary, and the owner side and admins the full record', async () => {
    const { service, pet, owner } = await setup();
    expect((await service.list(null, pet.id, {})).items[0]).toMatchObject({ title: 'Booster', vetName: null, clinic: null, notes: null, verified: false });
    expect((await service.list(principal('moderator'), pet.id, {})).items[0].vetName).toBeNull();
    expect((await service.list(owner, pet.id, {})).items[0]).toMatchObject({ vetName: 'Dr Jones', clinic: 'Leeds Vets', notes: 'Fine.' });
    expect((await service.list(principal('admin'), pet.id, {})).items[0].vetName).toBe('Dr Jones');
  });

  it('lets only the owner side add and change records', async () => {
    const { service, pet, recordId } = await setup();
    await expect(service.create(fakeTx(), principal('adopter'), pet.id, record)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.update(principal('adopter'), recordId, { expectedVersion: 1, title: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('verifies once (idempotent, audited) and makes a changed record unverified again', async () => {
    const { service, audit, owner, recordId } = await setup();
    const admin = principal('admin');
    const verified = await service.verify(admin, recordId);
    expect(verified).toMatchObject({ verified: true, version: 2 });
    expect(await service.verify(admin, recordId)).toEqual(verified);
    expect(audit.events.filter((e) => e.action === 'medical_record.verified')).toHaveLength(1);
    const changed = await service.update(owner, recordId, { expectedVersion: 2, notes: 'Mild swelling.' });
    expect(changed).toMatchObject({ verified: false, verifiedAt: null, notes: 'Mild swelling.', version: 3 });
    expect(audit.events.at(-1)).toMatchObject({ action: 'medical_record.updated', before: { verified: true }, after: { fields: ['notes'], verified: false } });
  });

  it('answers 404 for a record of a pet the caller cannot see', async () => {
    const { pets, service, recordId, pet } = await setup();
    pets.pets.get(pet.id)!.listingStatus = 'draft';
    await expect(service.update(principal('adopter'), recordId, { expectedVersion: 1, title: 'X' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { resource: 'MedicalRecord' },
    });
    await expect(service.list(null, pet.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
