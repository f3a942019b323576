import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JOB, QUEUE, RETRY_POLICY } from '@app/jobs';
import type { Queue } from 'bullmq';

const HOUR_MS = 3600_000;

/** Registers the recurring maintenance jobs. Upserting is idempotent, so every worker replica may do it. */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUE.jobs) private readonly jobs: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.upsertJobScheduler(
      'purge-idempotency-keys',
      { every: HOUR_MS },
      { name: JOB.purgeIdempotencyKeys, data: {}, opts: { attempts: RETRY_POLICY.attempts, backoff: RETRY_POLICY.backoff } },
    );
  }
}
