// Configuration of both apps, read from the environment and validated once at start-up: a process with
// a missing or malformed setting refuses to start and names every problem. README.md lists each variable.
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;

export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  PRODUCT_NAME = 'Adopt Don\'t Shop';

  @IsUrl({ require_tld: false })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  API_PORT = 3000;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  WORKER_PORT = 3001;

  @IsString()
  HOST = '0.0.0.0';

  /** `mariadb` in development and CI, `mysql` for MySQL 8 in production; the SQL we write runs on both. */
  @IsIn(['mariadb', 'mysql'])
  DB_ENGINE: 'mariadb' | 'mysql' = 'mariadb';

  @IsString()
  DB_HOST = '127.0.0.1';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  DB_PORT = 3306;

  @IsString() @MinLength(1)
  DB_USER!: string;

  @IsString()
  DB_PASSWORD!: string;

  @IsString() @MinLength(1)
  DB_NAME!: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  DB_POOL_SIZE = 10;

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** Prefix of every Redis key and BullMQ queue, so that several deployments (or test runs) can share one Redis. */
  @IsString() @MinLength(1)
  REDIS_PREFIX = 'pets';

  @Transform(toList) @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Time between SIGTERM and closing the listener, while /readyz already answers 503. */
  @Transform(toInt) @IsInt() @Min(0) @Max(20_000)
  SHUTDOWN_DRAIN_MS = 3000;

  /** Hard limit after SIGTERM: the process exits by then whatever is still running. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(60_000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  @IsOptional() @IsUrl({ require_tld: false })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsOptional() @IsString()
  SENTRY_DSN?: string;

  /** How often the worker re-enqueues job rows that stayed `queued` (Redis was down when they were created). */
  @Transform(toInt) @IsInt() @Min(1000)
  JOB_SWEEP_INTERVAL_MS = 30_000;

  /** A `queued` job row older than this is considered lost by the broker and re-enqueued. */
  @Transform(toInt) @IsInt() @Min(1000)
  JOB_SWEEP_AFTER_MS = 60_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  WORKER_CONCURRENCY = 10;
}

export class ConfigValidationError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && (known.includes(key) || key.startsWith('DB_'))),
  );
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true, whitelist: true });
  if (errors.length > 0) {
    const problems = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('\n');
    throw new ConfigValidationError(`Invalid configuration, refusing to start:\n${problems}`);
  }
  return config;
}
