import { Writable } from 'node:stream';
import type { AppConfig } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { assertMatchesContract } from './contract';
import { testConfig } from './config';

export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, for malformed-input tests. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  token?: string;
  /** Skip the contract check (only for responses outside the contract, like /metrics). */
  unchecked?: boolean;
}

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  /** Captured JSON log lines. */
  logs: string[];
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
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

  const checkedFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const text = await response.clone().text();
    const isJson = response.headers.get('content-type')?.includes('application/json');
    assertMatchesContract(request.method, request.url, response.status, response.headers.get('content-type'), isJson && text ? JSON.parse(text) : text);
    return response;
  };

  return {
    app,
    baseUrl,
    config,
    logs,
    fetch: checkedFetch,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      const json = response.headers.get('content-type')?.includes('application/json') && text ? JSON.parse(text) : text;
      if (!options.unchecked) assertMatchesContract(method, path, response.status, response.headers.get('content-type'), json);
      return { status: response.status, headers: response.headers, body: json, text };
    },
    close: () => app.close(),
  };
}
