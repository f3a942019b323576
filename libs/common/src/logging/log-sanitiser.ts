// What a log line may hold. Everything logged, context objects and errors at any depth, passes through
// sanitiseLogValue before pino writes it: personal data and secrets are redacted by field name, e-mail
// addresses are masked wherever they appear, and errors keep what helps an operator, not the data they carried.
// Database errors need the most care: TypeORM's QueryFailedError and mysql2's errors hold the statement's values
// (`parameters`, and `sql` as the driver formatted it) and a message that quotes the offending value
// ("Duplicate entry 'alice@example.org' for key …"). Of those only the codes and the statement's shape are kept.

export const REDACTED = '[redacted]';

/** Personal data and secrets, by field name (compared without case, `_` and `-`). */
const REDACTED_FIELDS = new Set([
  'email',
  'newemail',
  'emailaddress',
  'phone',
  'phonenumber',
  'mobile',
  'name',
  'firstname',
  'lastname',
  'fullname',
  'displayname',
  'ip',
  'ipaddress',
  'useragent',
  'address',
  'addressline1',
  'addressline2',
  'street',
  'city',
  'postcode',
  'zipcode',
  'dateofbirth',
  'birthdate',
  'bio',
  'answers',
  'references',
  'body',
  'content',
  'note',
  'notes',
  'authorization',
  'cookie',
  'setcookie',
  'dsn',
  'sentrydsn',
  'totpcode',
]);
/** Any field whose name contains one of these: password, currentPassword, DB_PASSWORD, refreshToken, tokenHash, JWT_SECRET… */
const REDACTED_FIELD_PARTS = ['password', 'secret', 'token', 'apikey', 'privatekey'];

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * A quoted literal in a driver message, kept only when it names a schema object (`for key 'uq_users_email'`).
 * Drivers quote values without escaping them, so a quote followed by a letter is taken to be inside the value
 * (`'O'Hara'`) and one after a letter is an apostrophe (`doesn't`).
 */
const QUOTED = /(\b(?:key|column|table|constraint|index|field|database|type)\s+)?(?<!\w)('(?:[^']|'(?=\w))*(?:'|$)|"(?:[^"]|"(?=\w))*(?:"|$))/gi;
const IDENTIFIER = /^['"][\w.$]+['"]$/;
/** Backticked identifiers (kept), string and number literals and comments (dropped) of a statement. */
const SQL_TOKEN =
  /(`(?:[^`]|``)*`)|'(?:[^'\\]|\\.|'')*(?:'|$)|"(?:[^"\\]|\\.|"")*(?:"|$)|\/\*[\s\S]*?(?:\*\/|$)|(?<![\w$])(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?![\w$])/gi;
const MAX_STATEMENT_LENGTH = 300;
const MAX_DEPTH = 8;

export function isRedactedField(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  return REDACTED_FIELDS.has(normalised) || REDACTED_FIELD_PARTS.some((part) => normalised.includes(part));
}

export function maskEmails(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/** A driver message without the values it quotes; the names of keys, columns and tables stay. */
export function withoutQuotedValues(message: string): string {
  return maskEmails(message.replace(QUOTED, (match, lead: string | undefined, quoted: string) => (lead && IDENTIFIER.test(quoted) ? match : `${lead ?? ''}?`)));
}

/** The statement with every literal replaced by `?`, e.g. INSERT INTO `users`(`id`, `email`) VALUES (?, ?). */
export function statementShape(sql: string): string {
  const shape = sql
    .replace(SQL_TOKEN, (match, identifier: string | undefined) => identifier ?? (match.startsWith('/*') ? '' : '?'))
    .replace(/\s+/g, ' ')
    .trim();
  return shape.length > MAX_STATEMENT_LENGTH ? `${shape.slice(0, MAX_STATEMENT_LENGTH)}…` : shape;
}

interface DatabaseErrorFields {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
  sql?: unknown;
  query?: unknown;
  driverError?: DatabaseErrorFields;
}

/** TypeORM's query errors, mysql2's errors, or anything else that carries a driver error. */
function isDatabaseError(error: Error): boolean {
  const fields = error as DatabaseErrorFields;
  return (
    error.name === 'QueryFailedError' ||
    error.name === 'EntityNotFoundError' ||
    fields.driverError !== undefined ||
    fields.sqlMessage !== undefined ||
    fields.sqlState !== undefined
  );
}

/** The message an error is logged with: that of the serialised error, never the raw one. */
export function logMessageOf(error: Error): string {
  return isDatabaseError(error) ? withoutQuotedValues(error.message) : maskEmails(error.message);
}

/** The stack's frames under the sanitised message: the stack's own first line repeats the raw message. */
function stackOf(error: Error, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${message}`, ...frames].join('\n');
}

function serialiseError(error: Error, ancestors: WeakSet<object>, depth: number): Record<string, unknown> {
  const message = logMessageOf(error);
  const serialised: Record<string, unknown> = { type: error.name, message, stack: stackOf(error, message) };
  if (isDatabaseError(error)) {
    const driver = (error as DatabaseErrorFields).driverError ?? (error as DatabaseErrorFields);
    serialised.code = driver.code;
    serialised.errno = driver.errno;
    serialised.sqlState = driver.sqlState;
    // TypeORM's `query` has placeholders; mysql2's `sql` has the values in it. Both are reduced to their shape.
    const sql = (error as DatabaseErrorFields).query ?? driver.sql;
    if (typeof sql === 'string') serialised.statement = statementShape(sql);
    return serialised;
  }
  // Other errors' own fields (a DomainError's code and details, a system error's code…), checked like any object.
  for (const [key, value] of Object.entries(error)) {
    if (!(key in serialised)) serialised[key] = isRedactedField(key) && value != null ? REDACTED : sanitise(value, ancestors, depth + 1);
  }
  if (error.cause !== undefined) serialised.cause = sanitise(error.cause, ancestors, depth + 1);
  return serialised;
}

function sanitise(value: unknown, ancestors: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return maskEmails(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  // Raw bytes can hold anything.
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  ancestors.add(value);
  try {
    if (value instanceof Error) return serialiseError(value, ancestors, depth);
    if (Array.isArray(value)) return value.map((item) => sanitise(item, ancestors, depth + 1));
    const sanitised: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      sanitised[key] = isRedactedField(key) && item != null ? REDACTED : sanitise(item, ancestors, depth + 1);
    }
    return sanitised;
  } finally {
    ancestors.delete(value);
  }
}

/** Any value as it may appear in a log line. */
export function sanitiseLogValue(value: unknown): unknown {
  return sanitise(value, new WeakSet(), 0);
}

/** A log line's object (pino's `formatters.log`): fields redacted, errors serialised, at any depth. */
export function sanitiseLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return sanitiseLogValue(object) as Record<string, unknown>;
}
