// The running module graph must serve exactly the contract: same operations, methods, paths, status codes,
// and request/response schemas. Compares the spec @nestjs/swagger emits from the controllers with the bundle.
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api';
import { bundle } from '../support/contract';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(document: Json): Map<string, Json> {
  const ops = new Map<string, Json>();
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const method of METHODS) if (item[method]) ops.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
  return ops;
}

const schemaRef = (content: Json | undefined) => content?.['application/json']?.schema?.$ref?.split('/').pop() ?? null;
const deref = (document: Json, node: Json) => (node?.$ref ? document.components.responses[node.$ref.split('/').pop()] : node);

function shape(document: Json, operation: Json) {
  return {
    operationId: operation.operationId,
    statuses: Object.keys(operation.responses).sort(),
    body: schemaRef(operation.requestBody?.content),
    responses: Object.fromEntries(Object.entries(operation.responses as Json).map(([s, r]) => [s, schemaRef(deref(document, r).content)])),
    parameters: (operation.parameters ?? [])
      .map((p: Json) => (p.$ref ? document.components.parameters[p.$ref.split('/').pop()] : p))
      .map((p: Json) => `${p.in}:${p.name}${p.required ? '!' : ''}`)
      .sort(),
  };
}

/** What a schema promises a client: property names, required ones, and each property's type or reference. */
function schemaShape(schema: Json) {
  const typeOf = (p: Json): unknown => {
    if (p.$ref) return p.$ref.split('/').pop();
    if (p.allOf?.length === 1) return typeOf(p.allOf[0]); // @nestjs/swagger wraps enum references in allOf
    if (Array.isArray(p.type)) return p.type;
    if (p.type === 'array') return ['array', typeOf(p.items ?? {})];
    if (p.nullable) return [p.type, 'null'];
    return p.enum ? ['enum', ...p.enum] : p.type;
  };
  return {
    required: [...(schema.required ?? [])].sort(),
    properties: Object.fromEntries(Object.entries((schema.properties ?? {}) as Json).map(([k, v]) => [k, typeOf(v)])),
    enum: schema.enum ?? null,
  };
}

describe('the app serves exactly the contract', () => {
  let api: TestApi;
  let emitted: OpenAPIObject;
  beforeAll(async () => {
    api = await startApi();
    emitted = SwaggerModule.createDocument(api.app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build());
  });
  afterAll(() => api.close());

  it('has a handler for every operation and no route the contract lacks', () => {
    expect([...operationsOf(emitted).keys()].sort()).toEqual([...operationsOf(bundle).keys()].sort());
  });

  it('answers the same status codes with the same schemas and takes the same parameters', () => {
    const ours = operationsOf(emitted);
    for (const [key, operation] of operationsOf(bundle)) {
      expect({ key, ...shape(emitted, ours.get(key) ?? {}) }).toEqual({ key, ...shape(bundle, operation) });
    }
  });

  it('emits every schema of the contract with the same properties', () => {
    for (const [name, schema] of Object.entries(bundle.components.schemas as Json)) {
      const ours = (emitted.components?.schemas as Json)?.[name];
      if (!ours) continue; // schemas used only by other schemas are compared through them
      expect({ name, ...schemaShape(ours) }).toEqual({ name, ...schemaShape(schema) });
    }
  });
});
