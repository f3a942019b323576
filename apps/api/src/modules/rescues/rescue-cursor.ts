// Opaque cursors of the rescue directory, ordered by (name, id): the shared keyset cursor of
// @app/common/pagination orders by creation time, the directory by name. Same envelope, same refusal.
import { ValidationFailedError } from '@app/common';

export interface NamePosition {
  name: string;
  id: string;
}

const ID_PATTERN = /^[0-9a-f-]{36}$/;
const MAX_NAME_LENGTH = 150;

export function encodeNameCursor(position: NamePosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id])).toString('base64url');
}

export function decodeNameCursor(cursor: string | undefined, field = 'cursor'): NamePosition | null {
  if (cursor === undefined) return null;
  const invalid = () => new ValidationFailedError([{ field, constraints: { cursor: 'cursor must be a nextCursor value returned by this list' } }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [name, id] = parsed as unknown[];
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) throw invalid();
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalid();
  return { name, id };
}

/** Turns `limit + 1` rows into a page: the extra row only tells that another page exists. */
export function toNamePage<T extends NamePosition, D>(rows: T[], limit: number, map: (row: T) => D): { items: D[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeNameCursor(last) : null };
}
