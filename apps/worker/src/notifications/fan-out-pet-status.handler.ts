import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PetFans } from '@app/catalog';
import { Availability } from '@app/contracts';
import { inTransaction } from '@app/database';
import { JOB, type PetStatusFanOutPayload } from '@app/jobs';
import { Notifier, type NotificationEvent } from '@app/notifications';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobContext, type JobHandler } from '../handlers/job-handler';

/** Favourites notified per transaction: bounded locks and statements for a pet with many fans. */
export const FAN_OUT_BATCH = 500;

const LABEL: Record<Availability, string> = {
  available: 'available',
  on_hold: 'on hold',
  pending: 'pending adoption',
  adopted: 'adopted',
  fostered: 'in foster care',
  not_available: 'not available',
};

const TITLE: Record<Availability, (name: string) => string> = {
  available: (name) => `${name} is available for adoption`,
  on_hold: (name) => `${name} is on hold`,
  pending: (name) => `${name} has an adoption pending`,
  adopted: (name) => `${name} has been adopted`,
  fostered: (name) => `${name} is in foster care`,
  not_available: (name) => `${name} is no longer available`,
};

/** The favorite_pet_status_changed notification of one fan; the change id makes it once per fan, however often it runs. */
export function petStatusNotificationOf(change: PetStatusFanOutPayload, userId: string): NotificationEvent {
  return {
    userId,
    type: 'favorite_pet_status_changed',
    title: TITLE[change.to](change.petName),
    body: `${change.petName}, one of your favourite pets, was ${LABEL[change.from]} and is now ${LABEL[change.to]}.`,
    resourceType: 'pet',
    resourceId: change.petId,
    eventKey: `pet-status:${change.changeId}`,
  };
}

/**
 * Notifies everyone who favourited a pet that its availability changed, except who changed it. Walks the pet's
 * favourites in batches by user id, one transaction each, and stops as soon as the pet is no longer published and
 * live (nobody but its owners may see it then). Idempotent: each notification's event key is the change id, unique
 * per recipient, so a rerun, whole or after a crash half-way, notifies nobody twice.
 */
@Injectable()
@HandlesJob(JOB.fanOutPetStatusChange)
export class FanOutPetStatusChangeHandler implements JobHandler<typeof JOB.fanOutPetStatusChange> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fans: PetFans,
    private readonly notifier: Notifier,
  ) {}

  async handle(job: Job<PetStatusFanOutPayload>, context: JobContext): Promise<Record<string, unknown>> {
    const change = job.data;
    const fans = await this.fans.countOf(change.petId);
    let after = '';
    let recipients = 0;
    let batches = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (tx) => {
        const fanIds = await this.fans.nextBatch(tx, change.petId, after, FAN_OUT_BATCH);
        if (fanIds === null) return null;
        const notified = fanIds.filter((userId) => userId !== change.actorId);
        await this.notifier.notify(
          tx,
          notified.map((userId) => petStatusNotificationOf(change, userId)),
        );
        return { fanIds, notified: notified.length };
      });
      if (batch === null) return { outcome: 'stopped', reason: 'the pet is no longer published', recipients, batches };
      batches++;
      recipients += batch.notified;
      if (batch.fanIds.length < FAN_OUT_BATCH) break;
      after = batch.fanIds[batch.fanIds.length - 1];
      await context.progress(Math.min(99, (100 * batches * FAN_OUT_BATCH) / Math.max(1, fans)));
    }
    return { outcome: 'notified', recipients, batches };
  }
}
