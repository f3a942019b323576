// Contract tests: every response an integration test receives is checked against the bundled contract.
// An undocumented status, or a body with a field the contract does not describe, fails the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const bundle: Json = JSON.parse(readFileSync(join(process.cwd(), 'openapi/dist/openapi.json'), 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(bundle, 'contract');

interface OperationMatch {
  operationId: string;
  operation: Json;
}

const routes = Object.entries(bundle.paths as Json).flatMap(([template, item]) =>
  ['get', 'post', 'put', 'patch', 'delete']
    .filter((method) => item[method])
    .map((method) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      parameters: (template.match(/\{/g) ?? []).length,
      operation: item[method] as Json,
    })),
);

export function findOperation(method: string, pathname: string): OperationMatch | undefined {
  // Like the router: literal segments win over parameters (/applications/drafts before /applications/{id}).
  const route = routes.filter((r) => r.method === method.toUpperCase() && r.pattern.test(pathname)).sort((a, b) => a.parameters - b.parameters)[0];
  return route && { operationId: route.operation.operationId, operation: route.operation };
}

function deref(node: Json): Json {
  if (!node?.$ref) return node;
  const path = (node.$ref as string).replace(/^#\//, '').split('/');
  return path.reduce((acc: Json, key) => acc[key], bundle);
}

/** Throws with a readable message when a response does not match its operation in the contract. */
export function assertMatchesContract(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  const pathname = new URL(url, 'http://x').pathname;
  const match = findOperation(method, pathname);
  if (!match) {
    if (status === 404 || status === 405 || status === 503) return; // unknown routes and draining answer outside any operation
    throw new Error(`${method} ${pathname} is not an operation of the contract`);
  }
  const declared = match.operation.responses?.[String(status)] ?? match.operation.responses?.default;
  if (!declared) throw new Error(`${match.operationId} answered ${status}, which the contract does not declare`);
  const response = deref(declared);
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return;
  if (!contentType?.includes('application/json')) throw new Error(`${match.operationId} ${status}: expected JSON, got ${contentType}`);
  const validate = ajv.compile({ $ref: `contract${schema.$ref ?? ''}` });
  if (!validate(body)) {
    throw new Error(`${match.operationId} ${status} body violates the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
}

/** Throws unless `value` is valid against the named component schema (payloads outside HTTP, e.g. real-time events). */
export function assertMatchesSchema(name: string, value: unknown): void {
  if (!bundle.components?.schemas?.[name]) throw new Error(`${name} is not a schema of the contract`);
  const validate = ajv.compile({ $ref: `contract#/components/schemas/${name}` });
  if (!validate(value)) throw new Error(`${name} violated: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
}
