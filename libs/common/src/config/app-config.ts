// Configuration of both apps, read from the environment and validated once at start-up: a process with
// a missing or malformed setting refuses to start and names every problem. README.md lists each variable.
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  PRODUCT_NAME = "Adopt Don't Shop";

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsString()
  HOST = '0.0.0.0';

  /** `mariadb` in development and CI, `mysql` for MySQL 8 in production; the SQL we write runs on both. */
  @IsIn(['mariadb', 'mysql'])
  DB_ENGINE: 'mariadb' | 'mysql' = 'mariadb';

  @IsString()
  DB_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  @MinLength(1)
  DB_USER!: string;

  @IsString()
  DB_PASSWORD!: string;

  @IsString()
  @MinLength(1)
  DB_NAME!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 10;

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** Prefix of every Redis key and BullMQ queue, so that several deployments (or test runs) can share one Redis. */
  @IsString()
  @MinLength(1)
  REDIS_PREFIX = 'pets';

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Deepest nesting of objects/arrays accepted in a JSON body (400 above, before the body is parsed). */
  @Transform(toInt)
  @IsInt()
  @Min(4)
  @Max(256)
  BODY_MAX_DEPTH = 32;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Time between SIGTERM and closing the listener, while /readyz already answers 503. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20_000)
  SHUTDOWN_DRAIN_MS = 3000;

  /** Hard limit after SIGTERM: the process exits by then whatever is still running. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(60_000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @IsOptional()
  @IsUrl({ require_tld: false })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  SENTRY_DSN?: string;

  /** How often the worker re-enqueues job rows that stayed `queued` and notification e-mails still `pending` (Redis was down when they were created). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_SWEEP_INTERVAL_MS = 30_000;

  /** A `queued` job row (or a `pending` notification e-mail) older than this is considered lost by the broker and re-enqueued. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_SWEEP_AFTER_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 10;

  /**
   * Notifications older than this many days (by creation), read or not, are deleted by the worker's hourly
   * retention purge, unless their e-mail is still `pending`. docs/notifications.md, "Retention".
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36_500)
  NOTIFICATION_RETENTION_DAYS = 365;

  /**
   * Batch size of the bulk changes to notifications: the retention purge deletes, and read-all marks, at most this
   * many rows per statement, each statement on its own (no transaction around them), so none holds locks for long.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50_000)
  NOTIFICATION_BATCH_SIZE = 5000;

  /** HMAC key of access tokens (HS256): at least 32 characters, the same on every api replica. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'pet-adoption-api';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'pet-adoption-clients';

  /** Access tokens live 15 minutes: the bound on how long a role change or deactivation takes to bite. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** A refresh token unused this long lapses (idle timeout). */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  REFRESH_IDLE_TIMEOUT_SECONDS = 14 * 24 * 3600;

  /** Absolute lifetime of a session, however often it is refreshed. */
  @Transform(toInt)
  @IsInt()
  @Min(3600)
  SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

  /** Key (32 bytes, base64) that encrypts TOTP secrets at rest with AES-256-GCM. */
  @IsString()
  @MinLength(44)
  TOTP_ENCRYPTION_KEY!: string;

  /** Failed sign-ins on one account before it is locked; the lock grows with each further failure, up to 15 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(100)
  LOGIN_MAX_FAILURES = 10;

  /** Requests per minute per client on the whole API, and on the sign-in and account-recovery routes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /** First admin, created on start-up when no admin exists yet (see README). */
  @IsOptional()
  @IsString()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** SMTP server of outgoing mail, e.g. smtp://user:pass@mail.example.org:587. */
  @IsString()
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = "Adopt Don't Shop <no-reply@example.org>";

  /** Web app the links in e-mails point to (verification, password reset, downloads). */
  @IsUrl({ require_tld: false })
  WEB_APP_URL = 'http://localhost:5173';

  /**
   * Between an account deletion request and its anonymisation (30 days); the owner may cancel meanwhile.
   * The api schedules the job with it and the worker checks it again, so both apps must agree.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  ACCOUNT_DELETION_GRACE_SECONDS = 30 * 24 * 3600;
}

export class ConfigValidationError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input = Object.fromEntries(Object.entries(env).filter(([key, value]) => value !== undefined && (known.includes(key) || key.startsWith('DB_'))));
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true, whitelist: true });
  if (errors.length > 0) {
    const problems = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('\n');
    throw new ConfigValidationError(`Invalid configuration, refusing to start:\n${problems}`);
  }
  return config;
}
