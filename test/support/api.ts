import { Writable } from 'node:stream';
import type { AppConfig } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { testConfig } from './config';
import { contractFetch, contractRequest, type ContractRequest } from './http';

export type { ApiResponse, RequestOptions } from './http';

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  /** Captured JSON log lines. */
  logs: string[];
  request: ContractRequest;
  /** A fetch that checks every response against the contract, for the generated SDK. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** Starts the real api (same bootstrap as production) on a free port against this run's database and Redis. */
export async function startApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const config = testConfig({ LOG_LEVEL: 'info', ...overrides });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const { app } = await createApiApp(config, { logDestination: destination });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    app,
    baseUrl,
    config,
    logs,
    fetch: contractFetch,
    request: contractRequest(baseUrl),
    close: () => app.close(),
  };
}
