import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JOB, QUEUE, RETRY_POLICY } from '@app/jobs';
import type { Queue } from 'bullmq';

const HOUR_MS = 3600_000;

/**
 * Registers the recurring maintenance jobs. Upserting is idempotent, so every worker replica may do it.
 * Both purges run hourly: each run then finds about an hour's worth of rows past their limit, a few batches.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUE.jobs) private readonly jobs: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    const opts = { attempts: RETRY_POLICY.attempts, backoff: RETRY_POLICY.backoff };
    await this.jobs.upsertJobScheduler('purge-idempotency-keys', { every: HOUR_MS }, { name: JOB.purgeIdempotencyKeys, data: {}, opts });
    await this.jobs.upsertJobScheduler('purge-notifications', { every: HOUR_MS }, { name: JOB.purgeNotifications, data: {}, opts });
  }
}
