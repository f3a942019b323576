import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type PetCountDimension = 'listing_status' | 'availability';

export interface ApplicationCounts {
  received: number;
  approved: number;
}

/**
 * Figures over the `pets` and `applications` tables for one rescue. Plain SQL on purpose: the rescues module must
 * not import the pets or applications modules (which import this one), and these reads need no entity.
 */
export abstract class RescueAnalyticsRepository {
  /** Count of the rescue's (not deleted) pets per value of `dimension`. */
  abstract countPetsBy(rescueId: string, dimension: PetCountDimension): Promise<Record<string, number>>;
  /** Adoptions per calendar month ('YYYY-MM', UTC) with `from <= adopted_at < to`. */
  abstract adoptionsPerMonth(rescueId: string, from: Date, to: Date): Promise<Record<string, number>>;
  /** For each adoption with `from <= adopted_at < to`, seconds from publication to adoption (published ones only). */
  abstract secondsToAdoption(rescueId: string, from: Date, to: Date): Promise<number[]>;
  /** Applications submitted with `from <= submitted_at < to`, and approvals made in that window (later cancelled ones too). */
  abstract countApplications(rescueId: string, from: Date, to: Date): Promise<ApplicationCounts>;
}

@Injectable()
export class TypeOrmRescueAnalyticsRepository extends RescueAnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async countPetsBy(rescueId: string, dimension: PetCountDimension): Promise<Record<string, number>> {
    // `dimension` is one of two literals (the type above), never caller input.
    const column = dimension === 'availability' ? 'availability' : 'listing_status';
    const rows: Array<{ value: string; total: string | number }> = await this.dataSource.query(
      `SELECT ${column} AS value, COUNT(*) AS total FROM pets WHERE rescue_id = ? AND deleted_at IS NULL GROUP BY ${column}`,
      [rescueId],
    );
    return Object.fromEntries(rows.map((row) => [row.value, Number(row.total)]));
  }

  async adoptionsPerMonth(rescueId: string, from: Date, to: Date): Promise<Record<string, number>> {
    // Sessions run in UTC (see applySessionSettings), so DATE_FORMAT names UTC months on MariaDB and MySQL alike.
    const rows: Array<{ month: string; total: string | number }> = await this.dataSource.query(
      `SELECT DATE_FORMAT(adopted_at, '%Y-%m') AS month, COUNT(*) AS total
       FROM pets WHERE rescue_id = ? AND adopted_at >= ? AND adopted_at < ?
       GROUP BY DATE_FORMAT(adopted_at, '%Y-%m')`,
      [rescueId, from, to],
    );
    return Object.fromEntries(rows.map((row) => [row.month, Number(row.total)]));
  }

  async secondsToAdoption(rescueId: string, from: Date, to: Date): Promise<number[]> {
    const rows: Array<{ seconds: string | number }> = await this.dataSource.query(
      `SELECT TIMESTAMPDIFF(SECOND, published_at, adopted_at) AS seconds
       FROM pets WHERE rescue_id = ? AND adopted_at >= ? AND adopted_at < ? AND published_at IS NOT NULL AND published_at <= adopted_at`,
      [rescueId, from, to],
    );
    return rows.map((row) => Number(row.seconds));
  }

  async countApplications(rescueId: string, from: Date, to: Date): Promise<ApplicationCounts> {
    const [row]: Array<{ received: string | number; approved: string | number }> = await this.dataSource.query(
      `SELECT
         (SELECT COUNT(*) FROM applications WHERE rescue_id = ? AND submitted_at >= ? AND submitted_at < ?) AS received,
         (SELECT COUNT(*) FROM application_status_history h JOIN applications a ON a.id = h.application_id
           WHERE a.rescue_id = ? AND h.to_status = 'approved' AND h.created_at >= ? AND h.created_at < ?) AS approved`,
      [rescueId, from, to, rescueId, from, to],
    );
    return { received: Number(row.received), approved: Number(row.approved) };
  }
}
