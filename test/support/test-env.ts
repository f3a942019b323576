// Connection settings of the test services. .ci/run creates this user; override with TEST_DB_* variables.
export const testServices = {
  /** `mysql` when the suite runs against MySQL 8 (the GitHub workflow's second job). */
  dbEngine: (process.env.TEST_DB_ENGINE ?? 'mariadb') as 'mariadb' | 'mysql',
  dbHost: process.env.TEST_DB_HOST ?? '127.0.0.1',
  dbPort: Number(process.env.TEST_DB_PORT ?? 3306),
  dbUser: process.env.TEST_DB_USER ?? 'pets',
  dbPassword: process.env.TEST_DB_PASSWORD ?? 'pets-dev-password',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
};
