import { Writable } from 'node:stream';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { sanitiseLogValue, statementShape, withoutQuotedValues } from './log-sanitiser';
import { createRootLogger, JsonLogger } from './logger';

const EMAIL = 'alice.unique-7@example.org';

/** What mysql2 throws for a duplicate key: the message quotes the value, `sql` has every value formatted in. */
function duplicateKeyError(): Error {
  const driverError = Object.assign(new Error(`Duplicate entry '${EMAIL}' for key 'uq_users_email'`), {
    code: 'ER_DUP_ENTRY',
    errno: 1062,
    sqlState: '23000',
    sqlMessage: `Duplicate entry '${EMAIL}' for key 'uq_users_email'`,
    sql: `INSERT INTO \`users\`(\`id\`, \`email\`, \`name\`, \`failed_logins\`) VALUES ('0193-1', '${EMAIL}', 'Alice O\\'Hara', 3)`,
  });
  return new QueryFailedError(
    'INSERT INTO `users`(`id`, `email`, `name`, `failed_logins`) VALUES (?, ?, ?, ?)',
    ['0193-1', EMAIL, "Alice O'Hara", 3],
    driverError,
  );
}

function captureLogs(): { logger: JsonLogger; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const logger = new JsonLogger(createRootLogger({ level: 'info', service: 'test', destination }));
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('statementShape', () => {
  it('keeps keywords and identifiers, replaces every literal with ?', () => {
    expect(statementShape("INSERT INTO `users` (`id`, `email`) VALUES ('a''b', \"x@y.org\"), (0x1F, -12.5e3) /* alice */")).toBe(
      'INSERT INTO `users` (`id`, `email`) VALUES (?, ?), (?, -?)',
    );
    expect(statementShape('SELECT * FROM t2 WHERE a1 = 42 AND b = ?')).toBe('SELECT * FROM t2 WHERE a1 = ? AND b = ?');
  });

  it('drops an unterminated literal of a cut statement to the end', () => {
    expect(statementShape("UPDATE users SET name = 'Alice Ha")).toBe('UPDATE users SET name = ?');
  });

  it('cuts long statements', () => {
    expect(statementShape(`SELECT ${'a, '.repeat(500)}b FROM t`)).toHaveLength(301);
  });
});

describe('withoutQuotedValues', () => {
  it('drops quoted values and keeps the names of keys, columns and tables', () => {
    expect(withoutQuotedValues(`Duplicate entry '${EMAIL}-2' for key 'users.uq_users_email'`)).toBe("Duplicate entry ? for key 'users.uq_users_email'");
    expect(withoutQuotedValues("Column 'expires_at' cannot be null")).toBe("Column 'expires_at' cannot be null");
    expect(withoutQuotedValues("Table 'pets.feature_flags' doesn't exist")).toBe("Table 'pets.feature_flags' doesn't exist");
    expect(withoutQuotedValues("Incorrect datetime value: 'Alice' for column `born_at` at row 1")).toBe(
      'Incorrect datetime value: ? for column `born_at` at row 1',
    );
    expect(withoutQuotedValues("Duplicate entry 'Alice O'Hara' for key 'uq'")).toBe("Duplicate entry ? for key 'uq'");
  });
});

describe('sanitiseLogValue', () => {
  it('serialises a database error as its codes and the statement shape, without values, parameters or the driver message', () => {
    const serialised = sanitiseLogValue(duplicateKeyError()) as Record<string, unknown>;
    expect(serialised).toEqual({
      type: 'QueryFailedError',
      message: "Duplicate entry ? for key 'uq_users_email'",
      stack: expect.stringMatching(/^QueryFailedError: Duplicate entry \? for key 'uq_users_email'\n\s+at /),
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      statement: 'INSERT INTO `users`(`id`, `email`, `name`, `failed_logins`) VALUES (?, ?, ?, ?)',
    });
  });

  it('serialises a raw mysql2 error the same way, its formatted sql reduced to a shape', () => {
    const driverError = (duplicateKeyError() as QueryFailedError).driverError as Error;
    const serialised = sanitiseLogValue({ err: driverError }) as { err: Record<string, unknown> };
    expect(serialised.err).toMatchObject({
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      statement: 'INSERT INTO `users`(`id`, `email`, `name`, `failed_logins`) VALUES (?, ?, ?, ?)',
    });
    expect(JSON.stringify(serialised)).not.toMatch(/alice|Hara/i);
  });

  it('leaves no criteria value of an EntityNotFoundError', () => {
    const text = JSON.stringify(sanitiseLogValue(new EntityNotFoundError('UserEntity', { where: { name: 'Alice Hara' } })));
    expect(text).toContain('UserEntity');
    expect(text).not.toContain('Alice');
  });

  it('redacts personal and secret fields at any depth, whatever their case, in context objects and error details', () => {
    const error = new DomainError('VALIDATION_FAILED', 'invalid', { field: 'phone', given: { Phone: '+44 113 496 0001', firstName: 'Alice' } });
    const value = sanitiseLogValue({
      jobId: 'j1',
      user: { EMAIL, first_name: 'Alice', lastName: 'Hara', address: { postcode: 'LS1 1AA' }, sessions: [{ ip: '10.1.2.3', userAgent: 'x' }] },
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1' },
      config: { DB_PASSWORD: 'pw', JWT_SECRET: 's', SENTRY_DSN: 'https://k@sentry' },
      application: { answers: { q1: 'Alice' }, body: 'hello' },
      refreshToken: 'rt',
      emailStatus: 'sent',
      err: error,
    });
    const text = JSON.stringify(value);
    for (const personal of ['Alice', 'Hara', 'LS1', '10.1.2.3', 'abc', 'sid=1', '"pw"', '"s"', 'sentry', '496', 'hello', '"rt"'])
      expect(text).not.toContain(personal);
    expect(value).toMatchObject({
      jobId: 'j1',
      emailStatus: 'sent',
      user: { EMAIL: '[redacted]', address: '[redacted]', sessions: [{ ip: '[redacted]', userAgent: '[redacted]' }] },
      err: { type: 'DomainError', code: 'VALIDATION_FAILED', details: { field: 'phone', given: { Phone: '[redacted]', firstName: '[redacted]' } } },
    });
  });

  it('masks e-mail addresses in any text, also URL-encoded', () => {
    expect(sanitiseLogValue({ url: `/api/v1/users?q=${encodeURIComponent(EMAIL)}`, note2: `mail to ${EMAIL} failed` })).toEqual({
      url: '/api/v1/users?q=[email]',
      note2: 'mail to [email] failed',
    });
  });

  it('sanitises the causes of other errors and survives cycles', () => {
    const cause = duplicateKeyError();
    const outer = new Error(`export for ${EMAIL} failed`, { cause });
    const context: Record<string, unknown> = { err: outer };
    context.self = context;
    const text = JSON.stringify(sanitiseLogValue(context));
    expect(text).not.toMatch(/alice/i);
    expect(text).toContain('ER_DUP_ENTRY');
    expect(text).toContain('[circular]');
  });
});

describe('the logger', () => {
  it('writes a failing query as its code and shape, never its values, through Nest-style calls and plain errors', () => {
    const { logger, lines, text } = captureLogs();
    logger.warn({ err: duplicateKeyError(), jobId: 'j1', attempt: 1 }, 'job failed', 'Jobs');
    logger.error(duplicateKeyError());
    logger.log(`signed in ${EMAIL}`);
    expect(text()).not.toMatch(/alice|Hara/i);
    const [warned, errored, plain] = lines();
    expect(warned).toMatchObject({ level: 'warn', context: 'Jobs', message: 'job failed', jobId: 'j1', err: { code: 'ER_DUP_ENTRY', errno: 1062 } });
    expect(errored).toMatchObject({ level: 'error', message: "Duplicate entry ? for key 'uq_users_email'", err: { code: 'ER_DUP_ENTRY' } });
    expect(plain).toMatchObject({ message: 'signed in [email]' });
  });

  it('keeps redacting credentials of requests and configuration', () => {
    const { logger, lines } = captureLogs();
    logger.log({ req: { headers: { authorization: 'Bearer t0k', cookie: 'c' } }, config: { DB_PASSWORD: 'pw' }, password: 'p', token: 't' }, 'request');
    expect(lines()[0]).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      config: { DB_PASSWORD: '[redacted]' },
      password: '[redacted]',
      token: '[redacted]',
    });
  });
});
