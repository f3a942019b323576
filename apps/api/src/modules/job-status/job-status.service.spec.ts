import type { JobEntity } from '@app/jobs';
import { describe, expect, it } from 'vitest';
import { JobStatusRepository } from './job-status.repository';
import { JobStatusService } from './job-status.service';

class InMemoryJobStatusRepository extends JobStatusRepository {
  constructor(private readonly jobs: JobEntity[]) {
    super();
  }
  async findById(id: string) {
    return this.jobs.find((j) => j.id === id) ?? null;
  }
}

const JOB_ID = '00000000-0000-7000-8000-000000000b01';
const job = Object.assign({} as JobEntity, {
  id: JOB_ID,
  type: 'privacy.export-user-data',
  status: 'running',
  progress: 40,
  attempts: 1,
  payload: { userId: 'owner' },
  result: null,
  errorCode: null,
  createdBy: 'owner',
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-01T00:00:01.000Z'),
  startedAt: new Date('2026-01-01T00:00:00.500Z'),
  finishedAt: null,
});

const FAILED_JOB_ID = '00000000-0000-7000-8000-000000000b02';
const failedJob = Object.assign({} as JobEntity, job, {
  id: FAILED_JOB_ID,
  status: 'failed',
  errorCode: 'EXPORT_FAILED',
  finishedAt: new Date('2026-01-01T00:00:02.000Z'),
});

describe('JobStatusService', () => {
  const service = new JobStatusService(new InMemoryJobStatusRepository([job, failedJob]));

  it('shows its creator the progress, without the internal payload', async () => {
    expect(await service.get({ userId: 'owner', role: 'adopter', sessionId: 's' }, JOB_ID)).toEqual({
      id: JOB_ID,
      type: 'privacy.export-user-data',
      status: 'running',
      progress: 40,
      attempts: 1,
      result: null,
      errorCode: null,
      error: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:01.000Z',
      startedAt: '2026-01-01T00:00:00.500Z',
      finishedAt: null,
    });
  });

  it('shows a failure as its public code and the sentence for the user', async () => {
    expect(await service.get({ userId: 'owner', role: 'adopter', sessionId: 's' }, FAILED_JOB_ID)).toMatchObject({
      status: 'failed',
      errorCode: 'EXPORT_FAILED',
      error: 'We could not prepare your data export; please try again later.',
    });
  });

  it('shows any job to a holder of jobs:read-any', async () => {
    expect((await service.get({ userId: 'someone', role: 'admin', sessionId: 's' }, JOB_ID)).id).toBe(JOB_ID);
  });

  it('answers 404 to anyone else, as for a job that does not exist', async () => {
    await expect(service.get({ userId: 'someone', role: 'moderator', sessionId: 's' }, JOB_ID)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { id: JOB_ID },
    });
    await expect(service.get({ userId: 'owner', role: 'adopter', sessionId: 's' }, '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
