import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runInBatches } from '@app/database';
import { JOB } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobContext, type JobHandler } from './job-handler';

const BATCH = 1000;

/** Idempotency keys are promised for 24 h; afterwards they are deleted in small batches to keep locks short. */
@Injectable()
@HandlesJob(JOB.purgeIdempotencyKeys)
export class PurgeIdempotencyKeysHandler implements JobHandler<typeof JOB.purgeIdempotencyKeys> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(_job: unknown, context: JobContext): Promise<Record<string, unknown>> {
    const deleted = await runInBatches(this.dataSource, 'DELETE FROM idempotency_keys WHERE expires_at <= CURRENT_TIMESTAMP(3) LIMIT ?', [], BATCH);
    await context.progress(100);
    return { deleted };
  }
}
