// Connection settings of the test services. .ci/run creates this user; override with TEST_DB_* variables.
export const testServices = {
  dbHost: process.env.TEST_DB_HOST ?? '127.0.0.1',
  dbPort: Number(process.env.TEST_DB_PORT ?? 3306),
  dbUser: process.env.TEST_DB_USER ?? 'pets',
  dbPassword: process.env.TEST_DB_PASSWORD ?? 'pets-dev-password',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
};
