// Opaque cursors of keyset pages: the sort key of the last row of a page, as base64url JSON. Clients pass
// `nextCursor` back unchanged; anything else is refused as a validation error. One codec per sort order.
import { ValidationFailedError } from '../errors/domain-error';

export const DEFAULT_PAGE_SIZE = 20;

const ID_PATTERN = /^[0-9a-f-]{36}$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

export function parseTime(value: unknown): Date | null {
  return typeof value === 'string' && ISO_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
}

export interface KeysetCursor<P> {
  encode(position: P): string;
  /** null without a cursor (first page); throws VALIDATION_FAILED for anything this codec did not produce. */
  decode(cursor: string | undefined, field?: string): P | null;
  /** Turns `limit + 1` rows fetched after the cursor into a page: the extra row only tells that another page exists. */
  page<T extends P, D>(rows: T[], limit: number, map: (row: T) => D): { items: D[]; nextCursor: string | null };
}

export function keysetCursor<P>(codec: { toParts(position: P): unknown[]; fromParts(parts: unknown[]): P | null }): KeysetCursor<P> {
  const encode = (position: P) => Buffer.from(JSON.stringify(codec.toParts(position))).toString('base64url');
  return {
    encode,
    decode(cursor, field = 'cursor') {
      if (cursor === undefined) return null;
      let parts: unknown;
      try {
        parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        parts = null;
      }
      const position = Array.isArray(parts) ? codec.fromParts(parts) : null;
      if (position === null) {
        throw new ValidationFailedError([{ field, constraints: { cursor: 'cursor must be a nextCursor value returned by this list' } }]);
      }
      return position;
    },
    page(rows, limit, map) {
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(map), nextCursor: rows.length > limit && last ? encode(last) : null };
    },
  };
}

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

/** Lists ordered by (createdAt DESC, id DESC), the most common order. */
export const createdAtCursor = keysetCursor<KeysetPosition>({
  toParts: (position) => [position.createdAt.toISOString(), position.id],
  fromParts: ([createdAt, id, ...rest]) => {
    const time = parseTime(createdAt);
    return time && isId(id) && rest.length === 0 ? { createdAt: time, id } : null;
  },
});

export const encodeCursor = (position: KeysetPosition): string => createdAtCursor.encode(position);
export const decodeCursor = (cursor: string | undefined, field?: string): KeysetPosition | null => createdAtCursor.decode(cursor, field);
export const toKeysetPage = <T extends KeysetPosition, D>(rows: T[], limit: number, map: (row: T) => D) => createdAtCursor.page(rows, limit, map);
