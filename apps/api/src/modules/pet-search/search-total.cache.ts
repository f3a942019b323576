import { Injectable } from '@nestjs/common';
import { RedisClient } from '@app/common';
import { searchFingerprintOf } from './search-cursor';

/** How long a counted total is reused: a listing count a minute old is as good as a fresh one to a browsing adopter. */
export const TOTAL_TTL_SECONDS = 60;

/**
 * Short-lived totals per filter set in Redis: the page query of a first page costs a few index entries, while even
 * a capped count may read 10,000 (docs/search.md has the measurements). Redis trouble is never an error here: the
 * total is then simply counted.
 */
@Injectable()
export class SearchTotalCache {
  constructor(private readonly redis: RedisClient) {}

  private keyOf(filters: unknown): string {
    return `pet-search:total:${searchFingerprintOf(filters)}`;
  }

  async get(filters: unknown): Promise<number | null> {
    try {
      const value = await this.redis.get(this.keyOf(filters));
      return value === null ? null : Number(value);
    } catch {
      return null;
    }
  }

  async set(filters: unknown, total: number): Promise<void> {
    try {
      await this.redis.set(this.keyOf(filters), String(total), 'EX', TOTAL_TTL_SECONDS);
    } catch {
      // counted again next time
    }
  }
}
