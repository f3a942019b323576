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

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ ...minimal, PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
