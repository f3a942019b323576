import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PetSort } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { buildCountQuery, fetchPageRows, type PetSummaryRow, type SearchCriteria, type SearchPosition } from './pet-search.sql';

/** What the search service needs from storage; the DI token, so the service never touches the database. */
export abstract class PetSearchRepository {
  /** Up to `limit + 1` rows after `after`, in the sort's order (the extra row tells that another page follows). */
  abstract findPage(criteria: SearchCriteria, sort: PetSort, after: SearchPosition | null, limit: number): Promise<PetSummaryRow[]>;
  /** The number of matches, counted up to `cap + 1` at most. */
  abstract countUpTo(criteria: SearchCriteria, cap: number): Promise<number>;
}

/** Raw SQL through the DataSource: only the columns a PetSummary needs, no entity hydration on the hot path. */
@Injectable()
export class SqlPetSearchRepository extends PetSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  findPage(criteria: SearchCriteria, sort: PetSort, after: SearchPosition | null, limit: number): Promise<PetSummaryRow[]> {
    return fetchPageRows(criteria, sort, after, limit, (query) => this.dataSource.query(query.sql, query.params));
  }

  async countUpTo(criteria: SearchCriteria, cap: number): Promise<number> {
    const query = buildCountQuery(criteria, cap);
    const [row] = (await this.dataSource.query(query.sql, query.params)) as Array<{ total: number | string }>;
    return Number(row?.total ?? 0);
  }
}
