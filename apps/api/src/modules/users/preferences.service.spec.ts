import { DEFAULT_PREFERENCES } from '@app/identity';
import { describe, expect, it } from 'vitest';
import { FakeAudit, InMemoryUsersRepository, principalOf, userRow } from '../../../../../test/support/users-fakes';
import { PreferencesService } from './preferences.service';

function setup() {
  const repository = new InMemoryUsersRepository();
  const audit = new FakeAudit();
  return { repository, audit, service: new PreferencesService(repository, audit.asService()) };
}

const body = (expectedVersion: number) => ({
  ...structuredClone(DEFAULT_PREFERENCES),
  locale: 'fr-FR',
  timezone: 'Europe/Paris',
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
  expectedVersion,
});

describe('PreferencesService', () => {
  it('creates the defaults at version 1 on first read and returns the same row afterwards', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    repository.add(ada);
    const first = await service.get(principalOf(ada), ada.id);
    expect(first).toMatchObject({ ...DEFAULT_PREFERENCES, version: 1 });
    expect(repository.preferences.size).toBe(1);
    expect(await service.get(principalOf(ada), ada.id)).toEqual(first);
  });

  it('replaces them at the expected version, bumps it and audits without values', async () => {
    const { repository, audit, service } = setup();
    const ada = userRow();
    repository.add(ada);
    await service.get(principalOf(ada), ada.id);
    const saved = await service.replace(principalOf(ada), ada.id, body(1));
    expect(saved).toMatchObject({ locale: 'fr-FR', timezone: 'Europe/Paris', quietHours: { enabled: true, start: '21:00', end: '08:00' }, version: 2 });
    expect(audit.events).toEqual([{ action: 'user.preferences_updated', targetType: 'user', targetId: ada.id, before: { version: 1 }, after: { version: 2 } }]);
  });

  it('accepts a first write at version 1 before any read', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    repository.add(ada);
    expect((await service.replace(principalOf(ada), ada.id, body(1))).version).toBe(2);
  });

  it('rejects a stale version with the current one and keeps the stored preferences', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    repository.add(ada);
    await service.replace(principalOf(ada), ada.id, body(1));
    await expect(service.replace(principalOf(ada), ada.id, { ...body(1), locale: 'de' })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    expect(repository.preferences.get(ada.id)?.locale).toBe('fr-FR');
  });

  it('answers 404 to anyone else, admins included, without creating a row', async () => {
    const { repository, service } = setup();
    const ada = userRow();
    const root = userRow({ role: 'super_admin' });
    repository.add(ada, root);
    await expect(service.get(principalOf(root), ada.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.replace(principalOf(root), ada.id, body(1))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(repository.preferences.size).toBe(0);
  });
});
