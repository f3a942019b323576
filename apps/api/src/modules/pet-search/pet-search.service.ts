import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@app/common';
import type { PetSummaryPageDto, SearchPetsQuery } from '@app/contracts';
import { PetSearchRepository } from './pet-search.repository';
import { cappedTotal, TOTAL_CAP, type SearchCriteria } from './pet-search.sql';
import { sortKeyOf, toPetSummary } from './pet-summary.mapper';
import { decodeSearchCursor, encodeSearchCursor, InvalidCursorError, searchFingerprintOf, type SearchCursor } from './search-cursor';
import { InvalidSearchError, normaliseSearch } from './search-criteria';
import { SearchTotalCache } from './search-total.cache';

/** The public pet search: published, live pets matching every filter, one keyset page at a time. */
@Injectable()
export class PetSearchService {
  /** Counts in flight per filter set, so a burst of identical first pages counts once. */
  private readonly counting = new Map<string, Promise<number>>();

  constructor(
    private readonly repository: PetSearchRepository,
    private readonly totals: SearchTotalCache,
  ) {}

  async search(query: SearchPetsQuery, now: Date = new Date()): Promise<PetSummaryPageDto> {
    let search;
    try {
      search = normaliseSearch(query, now);
    } catch (error) {
      if (error instanceof InvalidSearchError) throw new ValidationFailedError(error.fields);
      throw error;
    }
    const { criteria, sort, limit } = search;
    const fingerprint = searchFingerprintOf(search.filterIdentity);
    let cursor: SearchCursor | null = null;
    if (query.cursor !== undefined) {
      try {
        cursor = decodeSearchCursor(query.cursor, sort, fingerprint, TOTAL_CAP);
      } catch (error) {
        if (error instanceof InvalidCursorError) throw new ValidationFailedError([{ field: 'cursor', constraints: { cursor: error.message } }]);
        throw error;
      }
    }
    if (!search.searchable) return { items: [], nextCursor: null, total: 0 };

    const [rows, total] = await Promise.all([
      this.repository.findPage(criteria, sort, cursor?.position ?? null, limit),
      cursor ? cursor.total : this.totalOf(criteria, search.totalKey),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toPetSummary(row, now)),
      nextCursor: rows.length > limit && last ? encodeSearchCursor({ sort, position: { key: sortKeyOf(last, sort), id: last.id }, fingerprint, total }) : null,
      total,
    };
  }

  /** Exact up to TOTAL_CAP and TOTAL_CAP beyond; reused from the cache for a minute. */
  private async totalOf(criteria: SearchCriteria, totalKey: unknown): Promise<number> {
    const cached = await this.totals.get(totalKey);
    if (cached !== null) return cached;
    const key = searchFingerprintOf(totalKey);
    let pending = this.counting.get(key);
    if (!pending) {
      pending = this.repository
        .countUpTo(criteria, TOTAL_CAP)
        .then((counted) => cappedTotal(counted))
        .finally(() => this.counting.delete(key));
      this.counting.set(key, pending);
      void pending.then((total) => this.totals.set(totalKey, total)).catch(() => undefined);
    }
    return pending;
  }
}
