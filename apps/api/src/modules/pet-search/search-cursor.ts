// Opaque keyset cursors of the pet search: base64url JSON of the sort, the last row's sort key and id, a
// fingerprint of the filters and the total counted for the first page (so later pages never count again).
// Framework-free (the bench's bare server uses it too); the service turns InvalidCursorError into a 400.
import { createHash } from 'node:crypto';
import type { PetSort } from '@app/contracts';
import type { SearchPosition } from './pet-search.sql';

export class InvalidCursorError extends Error {
  constructor(readonly reason: 'malformed' | 'other-sort' | 'other-search') {
    super(
      reason === 'malformed'
        ? 'cursor must be a nextCursor value returned by this search'
        : reason === 'other-sort'
          ? 'cursor belongs to another sort order; start again without a cursor'
          : 'cursor belongs to other filters; start again without a cursor',
    );
  }
}

export interface SearchCursor {
  sort: PetSort;
  position: SearchPosition;
  /** searchFingerprintOf() of the filters the cursor was issued for. */
  fingerprint: string;
  total: number;
}

const ID_PATTERN = /^[0-9a-f-]{36}$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FINGERPRINT_PATTERN = /^[A-Za-z0-9_-]{16}$/;
const SORTS: readonly PetSort[] = ['newest', 'oldest', 'name', 'distance'];

/** A short, stable digest of a search's filters (any JSON value whose lists are already sorted). */
export function searchFingerprintOf(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  const { sort, position, fingerprint, total } = cursor;
  return Buffer.from(JSON.stringify({ s: sort, k: position.key, i: position.id, f: fingerprint, t: total })).toString('base64url');
}

function isValidKey(sort: PetSort, key: unknown): key is string | number {
  switch (sort) {
    case 'newest':
    case 'oldest':
      return typeof key === 'string' && ISO_PATTERN.test(key) && !Number.isNaN(Date.parse(key));
    case 'name':
      return typeof key === 'string' && key.length >= 1 && key.length <= 100;
    case 'distance':
      return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 1_000_000;
  }
}

/**
 * The cursor `raw` for a search sorted by `sort` with filters `fingerprint`; throws InvalidCursorError when it is
 * not one this search issued (tampered, truncated, or from another sort or other filters).
 */
export function decodeSearchCursor(raw: string, sort: PetSort, fingerprint: string, maxTotal: number): SearchCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('malformed');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidCursorError('malformed');
  const { s, k, i, f, t, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new InvalidCursorError('malformed');
  if (typeof s !== 'string' || !SORTS.includes(s as PetSort)) throw new InvalidCursorError('malformed');
  if (typeof i !== 'string' || !ID_PATTERN.test(i)) throw new InvalidCursorError('malformed');
  if (typeof f !== 'string' || !FINGERPRINT_PATTERN.test(f)) throw new InvalidCursorError('malformed');
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > maxTotal) throw new InvalidCursorError('malformed');
  if (!isValidKey(s as PetSort, k)) throw new InvalidCursorError('malformed');
  if (s !== sort) throw new InvalidCursorError('other-sort');
  if (f !== fingerprint) throw new InvalidCursorError('other-search');
  return { sort, position: { key: k, id: i }, fingerprint: f, total: t };
}
