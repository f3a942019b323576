import { inject } from 'vitest';
import { AppConfig, loadConfig } from '@app/common';
import { testServices } from './test-env';

/** The validated configuration of this test run, pointing at its own database and Redis prefix. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DB_ENGINE: testServices.dbEngine,
    DB_HOST: testServices.dbHost,
    DB_PORT: String(testServices.dbPort),
    DB_USER: testServices.dbUser,
    DB_PASSWORD: testServices.dbPassword,
    DB_NAME: inject('testDatabase'),
    DB_POOL_SIZE: '5',
    REDIS_URL: testServices.redisUrl,
    REDIS_PREFIX: inject('testRedisPrefix'),
    LOG_LEVEL: 'silent',
    CORS_ORIGINS: 'https://app.example.org',
    API_PORT: '0',
    SHUTDOWN_DRAIN_MS: '0',
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
    TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // Tests drive many sign-ins from one address; the limits themselves are tested with low values.
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}
