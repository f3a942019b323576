// Opaque cursors of keyset pages ordered by (createdAt DESC, id DESC): the position after the last row of a
// page. Clients pass `nextCursor` back unchanged; anything else is refused as a validation error.
import { ValidationFailedError } from '../errors/domain-error';

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const ID_PATTERN = /^[0-9a-f-]{36}$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, field = 'cursor'): KeysetPosition | null {
  if (cursor === undefined) return null;
  const invalid = () => new ValidationFailedError([{ field, constraints: { cursor: 'cursor must be a nextCursor value returned by this list' } }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [createdAt, id] = parsed as unknown[];
  if (typeof createdAt !== 'string' || !ISO_PATTERN.test(createdAt) || Number.isNaN(Date.parse(createdAt))) throw invalid();
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalid();
  return { createdAt: new Date(createdAt), id };
}

/**
 * Turns `limit + 1` rows fetched after `cursor` into a page: the extra row only tells that another page exists.
 */
export function toKeysetPage<T extends KeysetPosition, D>(rows: T[], limit: number, map: (row: T) => D): { items: D[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
