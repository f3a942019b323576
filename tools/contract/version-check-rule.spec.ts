// The Spectral rule behind "updates carry expectedVersion" (openapi/rules/versionedUpdates.js), including the
// `x-version-check` extension that relaxes it. Called the way Spectral calls a custom function.
import { describe, expect, it } from 'vitest';
import versionedUpdates from '../../openapi/rules/versionedUpdates.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schemas: Json = {
  Required: { type: 'object', required: ['expectedVersion'], properties: { expectedVersion: { type: 'integer' } } },
  Optional: { type: 'object', properties: { expectedVersion: { type: 'integer' }, note: { type: 'string' } } },
  Without: { type: 'object', properties: { note: { type: 'string' } } },
};
const context = { path: ['paths', '/x', 'patch'], document: { data: { components: { schemas } } } };
const body = (schema: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const CONFLICT = { 409: { $ref: '#/components/responses/Conflict' } };

function problems(operation: Json): string[] {
  return (versionedUpdates(operation, null, context) as Array<{ message: string }>).map((r) => r.message);
}

describe('versionedUpdates', () => {
  it('accepts a body that requires expectedVersion with a documented 409', () => {
    expect(problems({ requestBody: body('Required'), responses: CONFLICT })).toEqual([]);
  });

  it('without x-version-check, refuses an optional or missing expectedVersion, a missing body and a missing 409', () => {
    expect(problems({ requestBody: body('Optional'), responses: CONFLICT })).toEqual([expect.stringMatching(/must require expectedVersion/)]);
    expect(problems({ requestBody: body('Without'), responses: CONFLICT })).toEqual([expect.stringMatching(/must require expectedVersion/)]);
    expect(problems({ responses: CONFLICT })).toEqual([expect.stringMatching(/must require expectedVersion/)]);
    expect(problems({ requestBody: body('Required'), responses: {} })).toEqual([expect.stringMatching(/409/)]);
  });

  it('x-version-check optional: expectedVersion must exist but need not be required; 409 still documented', () => {
    expect(problems({ 'x-version-check': 'optional', requestBody: body('Optional'), responses: CONFLICT })).toEqual([]);
    expect(problems({ 'x-version-check': 'optional', requestBody: body('Required'), responses: CONFLICT })).toEqual([]);
    expect(problems({ 'x-version-check': 'optional', requestBody: body('Without'), responses: CONFLICT })).toEqual([
      expect.stringMatching(/needs an expectedVersion property/),
    ]);
    expect(problems({ 'x-version-check': 'optional', requestBody: body('Optional'), responses: {} })).toEqual([expect.stringMatching(/409/)]);
  });

  it('x-version-check none: no body, no 409, but the description must say why there is no expectedVersion', () => {
    const why = 'No expectedVersion: the caller marks their own record, idempotently.';
    expect(problems({ 'x-version-check': 'none', description: why, responses: {} })).toEqual([]);
    expect(problems({ 'x-version-check': 'none', description: why, requestBody: body('Without'), responses: {} })).toEqual([]);
    expect(problems({ 'x-version-check': 'none', description: 'Marks it read.', responses: {} })).toEqual([
      expect.stringMatching(/explained in the description/),
    ]);
    expect(problems({ 'x-version-check': 'none', responses: {} })).toEqual([expect.stringMatching(/explained in the description/)]);
    expect(problems({ 'x-version-check': 'none', description: why, requestBody: body('Required'), responses: CONFLICT })).toEqual([
      expect.stringMatching(/contradicts/),
    ]);
  });

  it('refuses any other value of x-version-check', () => {
    expect(problems({ 'x-version-check': 'off', requestBody: body('Required'), responses: CONFLICT })).toEqual([
      expect.stringMatching(/must be one of optional, none/),
    ]);
    expect(problems({ 'x-version-check': true, requestBody: body('Required'), responses: CONFLICT })).toEqual([expect.stringMatching(/must be one of/)]);
  });
});
