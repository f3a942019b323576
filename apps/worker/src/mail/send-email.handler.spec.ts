import { loadConfig, type RedisClient } from '@app/common';
import { describe, expect, it } from 'vitest';
import { MailSender } from './mail-sender';
import { SendEmailHandler } from './send-email.handler';

const config = loadConfig({ DB_USER: 'u', DB_PASSWORD: 'p', DB_NAME: 'd', JWT_SECRET: 'x'.repeat(32), TOTP_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') });
const handler = new SendEmailHandler(new MailSender(config), {} as RedisClient);

describe('SendEmailHandler.validate', () => {
  const valid = { template: 'verify-email', to: 'ada@example.org', userId: 'u1', params: { token: 't' } };

  it('accepts a complete payload', () => {
    expect(handler.validate(valid)).toBeNull();
    expect(handler.validate({ ...valid, template: 'account-exists', userId: null, params: {} })).toBeNull();
  });

  it.each([
    ['not an object', 'nope', /object/],
    ['an unknown template', { ...valid, template: 'welcome' }, /unknown template/],
    ['a bad recipient', { ...valid, to: 'not an address' }, /to must be/],
    ['non-string params', { ...valid, params: { token: 5 } }, /params must be strings: token/],
    ['a missing required param', { ...valid, params: {} }, /missing params: token/],
    ['no params', { ...valid, params: null }, /params must be an object/],
  ])('rejects %s as poison', (_name, payload, reason) => {
    expect(handler.validate(payload)).toMatch(reason);
  });
});
