// A tiny declarative validator for job payloads: each schema checks a value and is, at the same time, its
// TypeScript type (`Infer<typeof schema>`), so a payload's type and its validation cannot drift apart.
// Objects ignore keys they do not declare: handlers read only declared keys, and a job enqueued by a newer
// producer with an added field must not turn into a poison job for a worker not yet redeployed.
import { ID_PATTERN } from '@app/common';

export interface Schema<T> {
  /** Whether `value` fits; if not, adds why to `problems`, each naming where (`at`, a dotted path). */
  check(value: unknown, at: string, problems: string[]): value is T;
}

/** An object key that may be missing (but, when present, fits its schema). */
export interface Optional<T> {
  readonly optional: Schema<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InferShape<S extends Shape> = Simplify<
  { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: Infer<S[K]> } & {
    [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

const pathOf = (at: string, key: string) => (at ? `${at}.${key}` : key);

function fail(problems: string[], at: string, expected: string): false {
  problems.push(`${at || 'payload'} must be ${expected}`);
  return false;
}

function rule<T>(expected: string, fits: (value: unknown) => boolean): Schema<T> {
  return { check: (value, at, problems): value is T => fits(value) || fail(problems, at, expected) };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
/** In characters (code points), as the database counts a VARCHAR's length. */
const lengthOf = (value: string) => Array.from(value).length;

/** One of the platform's ids (libs/common's ID_PATTERN). */
export const uuid = (): Schema<string> => rule('an id (UUIDv7)', (value) => typeof value === 'string' && ID_PATTERN.test(value));

/** A string of `min` (default 1) to `max` characters, matching `pattern` if given. */
export function string({ min = 1, max, pattern }: { min?: number; max: number; pattern?: RegExp }): Schema<string> {
  const expected = `a string of ${min}–${max} characters${pattern ? ` matching ${pattern}` : ''}`;
  return rule(expected, (value) => typeof value === 'string' && lengthOf(value) >= min && lengthOf(value) <= max && (!pattern || pattern.test(value)));
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An RFC 3339 date-time, as `Date.toISOString()` writes it. */
export const dateTime = (): Schema<string> =>
  rule('an RFC 3339 date-time', (value) => typeof value === 'string' && RFC_3339.test(value) && !Number.isNaN(Date.parse(value)));

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
export const email = (): Schema<string> => rule('an e-mail address', (value) => typeof value === 'string' && value.length <= 254 && EMAIL.test(value));

export const oneOf = <const V extends readonly string[]>(values: V): Schema<V[number]> =>
  rule(`one of ${values.join(', ')}`, (value) => (values as readonly unknown[]).includes(value));

/** Any value: the payload carries it as it is (e.g. an audit entry's before and after states). */
export const anything = (): Schema<unknown> => rule('anything', () => true);

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return {
    check(value, at, problems): value is T | null {
      const unfit: string[] = [];
      if (value === null || schema.check(value, at, unfit)) return true;
      problems.push(...unfit.map((problem) => `${problem}, or null`));
      return false;
    },
  };
}

export const optional = <T>(schema: Schema<T>): Optional<T> => ({ optional: schema });

export function object<S extends Shape>(shape: S): Schema<InferShape<S>> {
  return {
    check(value, at, problems): value is InferShape<S> {
      if (!isPlainObject(value)) return fail(problems, at, 'an object');
      let fits = true;
      for (const [key, field] of Object.entries(shape)) {
        const path = pathOf(at, key);
        if ('optional' in field) {
          if (value[key] !== undefined && !field.optional.check(value[key], path, problems)) fits = false;
        } else if (!field.check(value[key], path, problems)) fits = false;
      }
      return fits;
    },
  };
}

/** An object used as a map: any keys, every value fitting `values`. */
export function record<T>(values: Schema<T>): Schema<Record<string, T>> {
  return {
    check(value, at, problems): value is Record<string, T> {
      if (!isPlainObject(value)) return fail(problems, at, 'an object');
      let fits = true;
      for (const [key, item] of Object.entries(value)) if (!values.check(item, pathOf(at, key), problems)) fits = false;
      return fits;
    },
  };
}

/** A rule across fields, checked once `schema` fits: `problem` says what is wrong, or null. */
export function refine<T>(schema: Schema<T>, problem: (value: T) => string | null): Schema<T> {
  return {
    check(value, at, problems): value is T {
      if (!schema.check(value, at, problems)) return false;
      const found = problem(value);
      if (found !== null) problems.push(at ? `${at}: ${found}` : found);
      return found === null;
    },
  };
}

/** Why `value` does not fit `schema` (every problem, `; `-separated), or null when it fits. */
export function problemsOf(schema: Schema<unknown>, value: unknown): string | null {
  const problems: string[] = [];
  return schema.check(value, '', problems) ? null : problems.join('; ');
}
