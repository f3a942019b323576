import { Writable } from 'node:stream';
import type { AppConfig } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Job, Queue } from 'bullmq';
import { inject } from 'vitest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { testConfig } from './config';

export interface TestWorker {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  logs: string[];
  close(): Promise<void>;
}

/** A Redis prefix of its own, so this worker never takes jobs queued by another test file. */
export function isolatedRedisPrefix(name: string): string {
  return `${inject('testRedisPrefix')}-${name}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function startWorker(overrides: Record<string, string> = {}, handlers?: Array<new (...args: never[]) => unknown>): Promise<TestWorker> {
  const config = testConfig({ LOG_LEVEL: 'info', WORKER_PORT: '0', ...overrides });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const { app } = await createWorkerApp(config, { logDestination: destination, handlers });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, baseUrl, config, logs, close: () => app.close() };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The job once BullMQ has completed it: its return value and attempt count are final only then. */
export function completedJob(queue: Queue, jobId: string, timeoutMs = 10_000): Promise<Job> {
  return waitFor(
    async () => {
      const job = await queue.getJob(jobId);
      // Read it again once it is completed: a copy fetched before the state check may predate the completion
      // (returnvalue null, attemptsMade 0), which a loaded machine makes likely.
      return job && (await job.isCompleted()) ? queue.getJob(jobId) : undefined;
    },
    timeoutMs,
    `job ${jobId} to complete`,
  );
}
