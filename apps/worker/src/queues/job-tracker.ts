import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobEntity, type JobErrorCode } from '@app/jobs';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Keeps a tracked job's row in step with its BullMQ life: running, progress, succeeded or failed. */
@Injectable()
export class JobTracker {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get jobs() {
    return this.dataSource.getRepository(JobEntity);
  }

  async running(id: string): Promise<void> {
    await this.jobs
      .createQueryBuilder()
      .update()
      .set({
        status: 'running',
        attempts: () => 'attempts + 1',
        startedAt: () => 'CURRENT_TIMESTAMP(3)',
        updatedAt: () => 'CURRENT_TIMESTAMP(3)',
        version: () => 'version + 1',
      })
      .where('id = :id', { id })
      .execute();
  }

  async progress(id: string, percent: number): Promise<void> {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    await this.jobs.update({ id }, { progress: value, updatedAt: () => 'CURRENT_TIMESTAMP(3)', version: () => 'version + 1' });
  }

  async succeeded(id: string, result: Record<string, unknown> | null): Promise<void> {
    await this.jobs.update(
      { id },
      {
        status: 'succeeded',
        progress: 100,
        result: result as QueryDeepPartialEntity<JobEntity>['result'],
        errorCode: null,
        finishedAt: () => 'CURRENT_TIMESTAMP(3)',
        updatedAt: () => 'CURRENT_TIMESTAMP(3)',
        version: () => 'version + 1',
      },
    );
  }

  /** No retry follows: the row records what its owner is told (job-errors.ts), never the cause, which is only logged. */
  async failed(id: string, errorCode: JobErrorCode): Promise<void> {
    await this.jobs.update(
      { id },
      { status: 'failed', errorCode, finishedAt: () => 'CURRENT_TIMESTAMP(3)', updatedAt: () => 'CURRENT_TIMESTAMP(3)', version: () => 'version + 1' },
    );
  }

  /** The attempt ended early (failed with a retry to come, or delayed): the row waits in `queued` again, without an error. */
  async requeued(id: string): Promise<void> {
    await this.jobs.update({ id }, { status: 'queued', errorCode: null, updatedAt: () => 'CURRENT_TIMESTAMP(3)', version: () => 'version + 1' });
  }

  /** Tracked rows still `queued` long after creation: Redis lost them or was down when they were created. */
  async findStale(olderThanMs: number, limit: number): Promise<JobEntity[]> {
    return this.jobs
      .createQueryBuilder('job')
      .where("job.status = 'queued'")
      .andWhere('job.created_at < CURRENT_TIMESTAMP(3) - INTERVAL :ms * 1000 MICROSECOND', { ms: olderThanMs })
      .andWhere('(job.enqueued_at IS NULL OR job.enqueued_at < CURRENT_TIMESTAMP(3) - INTERVAL :ms * 1000 MICROSECOND)', { ms: olderThanMs })
      .orderBy('job.created_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  async enqueued(id: string): Promise<void> {
    await this.jobs.update({ id }, { enqueuedAt: () => 'CURRENT_TIMESTAMP(3)' });
  }
}
