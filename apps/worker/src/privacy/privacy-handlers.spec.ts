import { describe, expect, it } from 'vitest';
import { anonymisedEmail } from './anonymise-user.handler';

const USER = '01900000-0000-7000-8000-000000000001';

describe('privacy handlers', () => {
  it('anonymises the e-mail into an undeliverable, unique, syntactically valid address', () => {
    expect(anonymisedEmail(USER)).toBe(`deleted-${USER}@deleted.invalid`);
    expect(anonymisedEmail(USER)).toMatch(/^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
