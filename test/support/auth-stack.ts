// The api, a worker and a test SMTP server wired together for flows that go through the mailbox: api and worker
// share one Redis prefix (so the worker takes the api's mail jobs) isolated from every other test file.
import { Injectable } from '@nestjs/common';
import { JOB, type JobName } from '@app/jobs';
import { HANDLES_JOB, HandlesJob, type JobHandler } from '../../apps/worker/src/handlers/job-handler';
import { JOB_HANDLERS, JOB_MODULES } from '../../apps/worker/src/worker.module';
import { startApi, type TestApi } from './api';
import { startSmtpServer, type TestSmtp } from './smtp';
import { isolatedRedisPrefix, startWorker, type TestWorker } from './worker';

export interface AuthStack {
  api: TestApi;
  worker: TestWorker;
  smtp: TestSmtp;
  close(): Promise<void>;
}

type Constructor = new (...args: never[]) => unknown;

/**
 * The worker refuses to start while a job name has no handler. Jobs whose module does not provide a handler
 * yet (owned elsewhere) get an inert stand-in here, so these tests do not depend on unrelated work.
 */
function handlersWithStandIns(): Constructor[] {
  const provided = [...JOB_HANDLERS, ...JOB_MODULES.flatMap((feature) => (Reflect.getMetadata('providers', feature) ?? []) as Constructor[])];
  const handled = new Set(provided.map((provider) => Reflect.getMetadata(HANDLES_JOB, provider) as JobName | undefined));
  const standIns = Object.values(JOB)
    .filter((name) => !handled.has(name))
    .map((name) => {
      class StandInHandler implements JobHandler {
        validate() {
          return null;
        }
        async handle() {}
      }
      Object.defineProperty(StandInHandler, 'name', { value: `StandIn(${name})` });
      Injectable()(StandInHandler);
      HandlesJob(name)(StandInHandler);
      return StandInHandler as Constructor;
    });
  return [...JOB_HANDLERS, ...standIns];
}

export async function startAuthStack(name: string, apiOverrides: Record<string, string> = {}): Promise<AuthStack> {
  const smtp = await startSmtpServer();
  const shared = { REDIS_PREFIX: isolatedRedisPrefix(name), SMTP_URL: smtp.url, WEB_APP_URL: 'https://app.example.org' };
  const api = await startApi({ ...shared, ...apiOverrides });
  const worker = await startWorker(shared, handlersWithStandIns());
  return {
    api,
    worker,
    smtp,
    async close() {
      await worker.close();
      await api.close();
      await smtp.close();
    },
  };
}
