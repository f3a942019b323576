import { describe, expect, it } from 'vitest';
import { ConfigValidationError, loadConfig } from './app-config';

const minimal = {
  DB_USER: 'pets',
  DB_PASSWORD: 'secret',
  DB_NAME: 'pets',
  JWT_SECRET: 'x'.repeat(32),
  TOTP_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
};

describe('loadConfig', () => {
  it('applies defaults and converts numbers, booleans and lists', () => {
    const config = loadConfig({ ...minimal, API_PORT: '8080', TRUST_PROXY: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.API_PORT).toBe(8080);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(25_000);
    expect(config.DB_ENGINE).toBe('mariadb');
  });

  it('refuses to start without the database settings, naming each one', () => {
    expect(() => loadConfig({})).toThrow(ConfigValidationError);
    expect(() => loadConfig({})).toThrow(/DB_USER[\s\S]*DB_PASSWORD[\s\S]*DB_NAME|DB_USER[\s\S]*DB_NAME/);
  });

  it('rejects malformed values', () => {
    expect(() => loadConfig({ ...minimal, API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ ...minimal, DB_ENGINE: 'postgres' })).toThrow(/DB_ENGINE/);
    expect(() => loadConfig({ ...minimal, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('keeps notifications a year by default and refuses a retention period or batch size below one', () => {
    const config = loadConfig(minimal);
    expect(config.NOTIFICATION_RETENTION_DAYS).toBe(365);
    expect(config.NOTIFICATION_BATCH_SIZE).toBe(5000);
    expect(loadConfig({ ...minimal, NOTIFICATION_RETENTION_DAYS: '30', NOTIFICATION_BATCH_SIZE: '100' })).toMatchObject({
      NOTIFICATION_RETENTION_DAYS: 30,
      NOTIFICATION_BATCH_SIZE: 100,
    });
    expect(() => loadConfig({ ...minimal, NOTIFICATION_RETENTION_DAYS: '0' })).toThrow(/NOTIFICATION_RETENTION_DAYS/);
    expect(() => loadConfig({ ...minimal, NOTIFICATION_RETENTION_DAYS: 'a year' })).toThrow(/NOTIFICATION_RETENTION_DAYS/);
    expect(() => loadConfig({ ...minimal, NOTIFICATION_BATCH_SIZE: '0' })).toThrow(/NOTIFICATION_BATCH_SIZE/);
  });

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ ...minimal, PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
