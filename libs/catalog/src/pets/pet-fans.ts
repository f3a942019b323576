import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { Availability } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { JOB, JobProducer } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { publiclyVisiblePetSql } from './pet-visibility';

export interface PetStatusChange {
  petId: string;
  petName: string;
  from: Availability;
  to: Availability;
  actorId: string | null;
}

/**
 * The people who favourited a pet, as the notifications of its status changes need them: whether a change needs a
 * fan-out at all (scheduled by PetAvailabilityChanges) and the fans to notify, in batches (the worker's fan-out).
 * Only a publicly visible pet notifies: nobody else may see it.
 */
@Injectable()
export class PetFans {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  /** In the caller's transaction: schedules, durably (a tracked job row in `tx`), the fan-out of a status change to every fan but the actor. */
  async announceStatusChange(tx: TransactionContext, change: PetStatusChange): Promise<void> {
    if (change.from === change.to) return;
    // Most changes need no job at all; the fan-out checks the pet again when it runs.
    const [target]: Array<{ fans: number | string }> = await tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM pet_favorites f WHERE f.pet_id = p.id AND (? IS NULL OR f.user_id <> ?)) AS fans
         FROM pets p WHERE p.id = ? AND ${publiclyVisiblePetSql('p')}`,
      [change.actorId, change.actorId, change.petId],
    );
    if (!target || Number(target.fans) === 0) return;
    await this.producer.createTracked(tx, { name: JOB.fanOutPetStatusChange, payload: { ...change, changeId: newId() }, createdBy: change.actorId });
  }

  async countOf(petId: string): Promise<number> {
    const [{ fans }]: Array<{ fans: number | string }> = await this.dataSource.query('SELECT COUNT(*) AS fans FROM pet_favorites WHERE pet_id = ?', [petId]);
    return Number(fans);
  }

  /** In `tx`: up to `limit` fans after the user id `after`, in user id order; null once the pet is no longer publicly visible. */
  async nextBatch(tx: TransactionContext, petId: string, after: string, limit: number): Promise<string[] | null> {
    const [visible] = await tx.manager.query(`SELECT 1 AS visible FROM pets p WHERE p.id = ? AND ${publiclyVisiblePetSql('p')}`, [petId]);
    if (!visible) return null;
    const rows: Array<{ userId: string }> = await tx.manager.query(
      'SELECT user_id AS userId FROM pet_favorites WHERE pet_id = ? AND user_id > ? ORDER BY user_id LIMIT ?',
      [petId, after, limit],
    );
    return rows.map((row) => row.userId);
  }
}
