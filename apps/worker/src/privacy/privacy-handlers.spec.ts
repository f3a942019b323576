import { describe, expect, it } from 'vitest';
import { AnonymiseUserHandler, anonymisedEmail } from './anonymise-user.handler';
import { ExportUserDataHandler } from './export-user-data.handler';

// validate() needs no collaborators: a poison payload is refused before anything is touched.
const exporter = new ExportUserDataHandler(null as never, null as never, null as never);
const anonymiser = new AnonymiseUserHandler(null as never, null as never, null as never, null as never);
const USER = '01900000-0000-7000-8000-000000000001';
const JOB = '01900000-0000-7000-8000-000000000002';

describe('privacy job payloads', () => {
  it('accept the payloads the api produces', () => {
    expect(exporter.validate({ userId: USER, trackedJobId: JOB })).toBeNull();
    expect(anonymiser.validate({ userId: USER, trackedJobId: JOB, notBefore: '2026-01-01T00:00:00.000Z' })).toBeNull();
    expect(anonymiser.validate({ userId: USER })).toBeNull();
  });

  it.each([
    ['not an object', 'x'],
    ['no user id', { trackedJobId: JOB }],
    ['a user id that is not an id', { userId: "1' OR 1=1", trackedJobId: JOB }],
  ])('refuse %s (fails at once, without retries)', (_name, payload) => {
    expect(exporter.validate(payload)).toEqual(expect.any(String));
    expect(anonymiser.validate(payload)).toEqual(expect.any(String));
  });

  it('needs the tracked job id for an export, which is stored under it', () => {
    expect(exporter.validate({ userId: USER })).toMatch(/trackedJobId/);
  });

  it('anonymises the e-mail into an undeliverable, unique, syntactically valid address', () => {
    expect(anonymisedEmail(USER)).toBe(`deleted-${USER}@deleted.invalid`);
    expect(anonymisedEmail(USER)).toMatch(/^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
