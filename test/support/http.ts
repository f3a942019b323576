// HTTP clients that check every response against the contract: used against an api started in the test process
// (test/support/api.ts) and against the built api running as a child process (test/smoke).
import { assertMatchesContract } from './contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies loosely
export interface ApiResponse<T = any> {
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

export type ContractRequest = <T = any>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Requests to `baseUrl` (JSON bodies, bearer tokens), each response checked against the contract. */
export function contractRequest(baseUrl: string): ContractRequest {
  return async (method, path, options = {}) => {
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
  };
}

/** A fetch that checks every response against the contract, for the generated SDK. */
export const contractFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  const text = await response.clone().text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  assertMatchesContract(request.method, request.url, response.status, response.headers.get('content-type'), isJson && text ? JSON.parse(text) : text);
  return response;
};
