// What Fastify and Node's HTTP parser refuse before any route runs answers in the API's one error shape, with a
// stable code of ours; JSON bodies nested deeper than BODY_MAX_DEPTH are refused before anything transforms them.
import { connect } from 'node:net';
import { CORE_SAMPLE_ANSWERS } from '@app/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiResponse, type TestApi } from '../support/api';
import { adoptablePet, submit } from '../support/applications';
import { assertMatchesSchema } from '../support/contract';
import { createUser, type TestUser } from '../support/identity';
import { dataSourceOf } from '../support/pets';

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  api = await startApi({ BODY_LIMIT_BYTES: '16384' });
  user = await createUser(api);
});
afterAll(() => api?.close());

const json = (body: string) => ({ rawBody: body, headers: { 'content-type': 'application/json' } });

/** The response is the contract's Error with this status and code, and the api still signs people in afterwards. */
async function expectError(res: ApiResponse, status: number, code: string): Promise<void> {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  assertMatchesSchema('Error', res.body);
  const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  expect(login.status).toBe(200);
}

/** Sends bytes as they are on a fresh connection (fetch would refuse to send them) and parses what comes back. */
function rawRequest(text: string): Promise<{ status: number; body: unknown }> {
  const { port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString('utf8');
      const [head, body] = response.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}

describe('errors Fastify and Node produce before routing', () => {
  it('answers an over-long path parameter with 400 VALIDATION_FAILED, like any malformed id', async () => {
    await expectError(await api.request('GET', `/api/v1/pets/${'a'.repeat(300)}`), 400, 'VALIDATION_FAILED');
  });

  it('answers a badly percent-encoded URL with 400 VALIDATION_FAILED', async () => {
    await expectError(await api.request('GET', '/api/v1/pets/%C3%28'), 400, 'VALIDATION_FAILED');
    // Outside any operation, so only the shape is checked against the contract.
    await expectError(await api.request('GET', '/api/v1/nothing-%C3%28', { unchecked: true }), 400, 'VALIDATION_FAILED');
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    await expectError(await api.request('GET', '/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });

  it('answers a known path asked with another method with 405 METHOD_NOT_ALLOWED and Allow', async () => {
    const res = await api.request('DELETE', '/api/v1/features');
    await expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body.details).toEqual({ allowed: ['GET', 'HEAD'] });
    const pet = await api.request('POST', '/api/v1/pets/0197f2a0-0000-7000-8000-000000000000');
    await expectError(pet, 405, 'METHOD_NOT_ALLOWED');
    expect(pet.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']);
  });

  it('answers a body that is not JSON, empty, too large or of another type with 400, 413 or 415', async () => {
    await expectError(await api.request('POST', '/api/v1/auth/login', json('{"email": ')), 400, 'VALIDATION_FAILED');
    await expectError(await api.request('POST', '/api/v1/auth/login', json('')), 400, 'VALIDATION_FAILED');
    await expectError(
      await api.request('POST', '/api/v1/auth/login', json(JSON.stringify({ email: user.email, password: 'x'.repeat(20_000) }))),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const xml = await api.request('POST', '/api/v1/auth/login', { rawBody: '<login/>', headers: { 'content-type': 'application/xml' } });
    await expectError(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed Content-Length with 400 VALIDATION_FAILED', async () => {
    const res = await rawRequest('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}');
    await expectError(res as ApiResponse, 400, 'VALIDATION_FAILED');
  });

  it('answers headers over Node’s limit with 431 REQUEST_HEADERS_TOO_LARGE', async () => {
    const res = await rawRequest(`GET /api/v1/features HTTP/1.1\r\nHost: x\r\nX-Filler: ${'f'.repeat(20_000)}\r\n\r\n`);
    await expectError(res as ApiResponse, 431, 'REQUEST_HEADERS_TOO_LARGE');
  });
});

describe('deeply nested JSON bodies', () => {
  /** `{"a":{"a":…1…}}` with `levels` objects, the outermost one included. */
  const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
  const deep = nested(2000);

  it('refuses a body 2,000 levels deep with 400 VALIDATION_FAILED naming the limit, signed in or not', async () => {
    const login = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, a: deep } });
    await expectError(login, 400, 'VALIDATION_FAILED');
    expect(login.body.details).toEqual({ maxDepth: 32 });
    const patch = await api.request('PATCH', `/api/v1/users/${user.id}`, { token: user.token, body: { name: deep, expectedVersion: 1 } });
    await expectError(patch, 400, 'VALIDATION_FAILED');
    expect(patch.body.details).toEqual({ maxDepth: 32 });
    const arrays = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: user.token,
      rawBody: `{"name":${'['.repeat(2000)}${']'.repeat(2000)}}`,
      headers: { 'content-type': 'application/json' },
    });
    await expectError(arrays, 400, 'VALIDATION_FAILED');
  }, 60_000);

  it('refuses application answers 2,000 levels deep', async () => {
    const { petId } = await adoptablePet(api);
    const applicant = await createUser(api);
    const res = await submit(api, applicant, petId, { answers: { ...CORE_SAMPLE_ANSWERS, householdNotes: deep } });
    await expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual({ maxDepth: 32 });
  });

  it('accepts a body exactly at the limit, brackets inside strings not counted', async () => {
    const admin = await createUser(api, { role: 'admin' });
    const key = `depth.test.${Date.now().toString(36)}`;
    await dataSourceOf(api).query('INSERT INTO config_entries (`key`, value, is_public, description) VALUES (?, ?, 0, ?)', [key, '1', 'depth test']);
    // The body is one object around `value`, so the value may be 31 levels deep.
    const value = { text: '[[[[{{{{'.repeat(20), deeper: nested(30) };
    const atLimit = await api.request('PUT', `/api/v1/admin/config/${key}`, { token: admin.token, body: { value, expectedVersion: 1 } });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.value).toEqual(value);
    const overLimit = await api.request('PUT', `/api/v1/admin/config/${key}`, {
      token: admin.token,
      body: { value: { deeper: nested(31) }, expectedVersion: atLimit.body.version },
    });
    await expectError(overLimit, 400, 'VALIDATION_FAILED');
  });
});
