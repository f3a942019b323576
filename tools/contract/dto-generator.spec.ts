// Tests of the DTO generator against a small but rich contract (__fixtures__/fixture.openapi.json): the generated
// files are written under .tmp/, imported (vitest compiles them with swc, decorator metadata included) and exercised
// with class-transformer and class-validator the way the API's ValidationPipe uses them.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate, validateSync, type ValidationError } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContracts, UnsupportedSchemaError } from './dto-generator.mjs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type DtoClass = new () => object;

const here = __dirname;
const root = resolve(here, '../..');
const fixture: Json = JSON.parse(readFileSync(join(here, '__fixtures__/fixture.openapi.json'), 'utf8'));
const HEADER = '// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.\n';

/** A fresh copy of the fixture, so that a test may change it. */
const document = (): Json => structuredClone(fixture);

let workDir: string;
let generatedDir: string;
let generated: Record<string, string>;
let contracts: Json; // the generated index.ts: DTO classes, enum consts and `operations`
let importError: unknown; // kept for the declaration-order test, which names the failure

/** Writes `files` into `<dir>/generated/` next to a copy of the hand-written operation.ts they import. */
function writeGenerated(dir: string, files: Record<string, string>): string {
  const out = join(dir, 'generated');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(root, 'libs/contracts/src/operation.ts'), join(dir, 'operation.ts'));
  for (const [file, source] of Object.entries(files)) writeFileSync(join(out, file), source);
  return out;
}

beforeAll(async () => {
  mkdirSync(join(root, '.tmp/dto-fixture'), { recursive: true });
  workDir = mkdtempSync(join(root, '.tmp/dto-fixture/run-'));
  generated = generateContracts(document());
  generatedDir = writeGenerated(workDir, generated);
  try {
    contracts = await import(join(generatedDir, 'index.ts'));
  } catch (error) {
    importError = error;
    contracts = {};
  }
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** `path:constraint` of every failure, nested ones included, sorted. */
function failures(errors: ValidationError[], parent = ''): string[] {
  return errors
    .flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      return [...Object.keys(error.constraints ?? {}).map((c) => `${path}:${c}`), ...failures(error.children ?? [], path)];
    })
    .sort();
}

// The options of the API's ValidationPipe (libs/common/src/errors/validation.ts).
const pipeOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** Transforms `plain` into `className` and validates it as the API does; returns the failures. */
function check(className: string, plain: unknown): string[] {
  const instance = plainToInstance(contracts[className] as DtoClass, plain);
  return failures(validateSync(instance as object, pipeOptions));
}

const UUID = '3f1c2b9e-8d4a-4e5b-9c7d-1a2b3c4d5e6f';

const validApplication = (): Json => ({
  id: UUID,
  applicantName: 'Ada Lovelace',
  applicantEmail: 'ada@example.org',
  submittedAt: '2024-05-01T10:15:30Z',
  householdSize: 3,
  gardenSizeSqm: 42.5,
  hasOtherPets: false,
  note: 'Has a fenced garden.',
  tags: ['first-time', 'weekend'],
  references: [{ name: 'Grace Hopper', phone: '+44 20 7946 0958' }],
  shelter: { id: '9b2e7c1a-5f3d-4a8b-8c6e-2d1f0a9b8c7d', name: 'Happy Tails' },
  species: 'small-mammal',
  answers: { hours: 'home office', landlord: 'allows pets' },
  nickname: 'Ada',
  referralCode: 'ABC-1234',
});

const APPLICATION = fixture.components.schemas.AdoptionApplication;
const REQUIRED: string[] = APPLICATION.required;
const OPTIONAL = Object.keys(APPLICATION.properties).filter((p) => !REQUIRED.includes(p));
const NULLABLE = ['note'];

describe('generated DTO classes', () => {
  it('accept a valid object (sync and async validation)', async () => {
    expect(check('AdoptionApplicationDto', validApplication())).toEqual([]);
    const instance = plainToInstance(contracts.AdoptionApplicationDto as DtoClass, validApplication());
    expect(failures(await validate(instance, pipeOptions))).toEqual([]);
  });

  it('turn nested objects and arrays of objects into instances of their DTO classes', () => {
    const instance = plainToInstance(contracts.AdoptionApplicationDto as DtoClass, validApplication()) as Json;
    expect(instance).toBeInstanceOf(contracts.AdoptionApplicationDto);
    expect(instance.shelter).toBeInstanceOf(contracts.ShelterDto);
    expect(instance.references[0]).toBeInstanceOf(contracts.ReferenceDto);
  });

  it('carry the schema name for @nestjs/swagger and an enum const with the enum values', () => {
    expect(generated['dtos.ts']).toContain('@ApiSchema({ name: "AdoptionApplication" })\nexport class AdoptionApplicationDto {');
    expect(contracts.PetSpecies).toEqual({ Dog: 'dog', Cat: 'cat', SmallMammal: 'small-mammal' });
  });

  const broken: Array<[string, (a: Json) => void, string[]]> = [
    ['string longer than maxLength', (a) => (a.applicantName = 'x'.repeat(41)), ['applicantName:maxLength']],
    ['string shorter than minLength', (a) => (a.applicantName = 'A'), ['applicantName:minLength']],
    ['number where a string is expected', (a) => (a.applicantName = 42), ['applicantName:isString', 'applicantName:maxLength', 'applicantName:minLength']],
    ['pattern mismatch', (a) => (a.referralCode = 'abc-1234'), ['referralCode:matches']],
    ['bad email', (a) => (a.applicantEmail = 'ada@'), ['applicantEmail:isEmail']],
    ['bad uuid', (a) => (a.id = 'not-a-uuid'), ['id:isUuid']],
    ['date-time that is not a date', (a) => (a.submittedAt = 'yesterday'), ['submittedAt:isIso8601', 'submittedAt:isRFC3339']],
    ['date-time with an impossible day', (a) => (a.submittedAt = '2024-02-30T10:00:00Z'), ['submittedAt:isIso8601']],
    ['date without a time for a date-time', (a) => (a.submittedAt = '2024-05-01'), ['submittedAt:isRFC3339']],
    ['integer above maximum', (a) => (a.householdSize = 13), ['householdSize:max']],
    ['integer below minimum', (a) => (a.householdSize = 0), ['householdSize:min']],
    ['non-integer number for an integer', (a) => (a.householdSize = 2.5), ['householdSize:isInt']],
    [
      'numeric string for an integer (bodies are not converted)',
      (a) => (a.householdSize = '3'),
      ['householdSize:isInt', 'householdSize:max', 'householdSize:min'],
    ],
    ['string for a number', (a) => (a.gardenSizeSqm = 'big'), ['gardenSizeSqm:isNumber']],
    ['string for a boolean', (a) => (a.hasOtherPets = 'yes'), ['hasOtherPets:isBoolean']],
    ['wrong enum value', (a) => (a.species = 'hamster'), ['species:isEnum']],
    ['enum member name instead of its value', (a) => (a.species = 'SmallMammal'), ['species:isEnum']],
    ['invalid nested object', (a) => (a.shelter.id = 'nope'), ['shelter.id:isUuid']],
    [
      'invalid object inside an array',
      (a) => (a.references = [{ name: 'Grace' }, { phone: 'call me' }]),
      ['references.1.name:isString', 'references.1.name:minLength', 'references.1.phone:matches'],
    ],
    ['unknown property of a nested object', (a) => (a.shelter.capacity = 12), ['shelter.capacity:whitelistValidation']],
    ['string for a nested object', (a) => (a.shelter = 'Happy Tails'), ['shelter:nestedValidation']],
    ['array over maxItems', (a) => (a.tags = ['a', 'b', 'c', 'd']), ['tags:arrayMaxSize']],
    ['non-string array item', (a) => (a.tags = ['a', 7]), ['tags:isString']],
    ['string for an array', (a) => (a.tags = 'a,b'), ['tags:arrayMaxSize', 'tags:isArray']],
    ['string for a map', (a) => (a.answers = 'none'), ['answers:isObject']],
    ['array for a map', (a) => (a.answers = ['none']), ['answers:isObject']],
    ['unknown top-level property', (a) => (a.favouriteColour = 'green'), ['favouriteColour:whitelistValidation']],
  ];
  it.each(broken)('reject a %s', (_name, breakIt, expected) => {
    const application = validApplication();
    breakIt(application);
    expect(check('AdoptionApplicationDto', application)).toEqual(expected);
  });

  it('accept null for the nullable property', () => {
    expect(check('AdoptionApplicationDto', { ...validApplication(), note: null })).toEqual([]);
    expect(check('ApplicationPageDto', { items: [validApplication()], nextCursor: null, total: 1 })).toEqual([]);
  });

  it('still validate a nullable property when it is not null', () => {
    expect(check('AdoptionApplicationDto', { ...validApplication(), note: 'x'.repeat(201) })).toEqual(['note:maxLength']);
    expect(check('AdoptionApplicationDto', { ...validApplication(), note: 5 })).toEqual(['note:isString', 'note:maxLength']);
  });

  it.each(Object.keys(APPLICATION.properties).filter((p) => !NULLABLE.includes(p)))('reject null for the non-nullable property %s', (property) => {
    const failed = check('AdoptionApplicationDto', { ...validApplication(), [property]: null });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.startsWith(`${property}:`))).toBe(true);
  });

  it.each(REQUIRED)('reject an object without the required property %s', (property) => {
    const application = validApplication();
    delete application[property];
    const failed = check('AdoptionApplicationDto', application);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.startsWith(`${property}:`))).toBe(true);
  });

  it('accept an object without its optional properties', () => {
    expect(OPTIONAL).toEqual(['nickname', 'referralCode']);
    const application = validApplication();
    for (const property of OPTIONAL) delete application[property];
    expect(check('AdoptionApplicationDto', application)).toEqual([]);
    expect(check('ReferenceDto', { name: 'Grace' })).toEqual([]);
  });
});

describe('generated query and path parameter classes', () => {
  it('convert query strings to integers, booleans and arrays', () => {
    const query = plainToInstance(contracts.SubmitApplicationQuery as DtoClass, { priority: '5', dryRun: 'true', labels: 'a,b' }) as Json;
    expect(query.priority).toBe(5);
    expect(query.dryRun).toBe(true);
    expect(query.labels).toEqual(['a', 'b']);
    expect(failures(validateSync(query, pipeOptions))).toEqual([]);
  });

  it('convert false, a single array value and a repeated parameter', () => {
    const single = plainToInstance(contracts.SubmitApplicationQuery as DtoClass, { priority: '1', dryRun: 'false', labels: 'a' }) as Json;
    expect(single.dryRun).toBe(false);
    expect(single.labels).toEqual(['a']);
    const repeated = plainToInstance(contracts.SubmitApplicationQuery as DtoClass, { priority: '1', labels: ['a', 'b'] }) as Json;
    expect(repeated.labels).toEqual(['a', 'b']);
  });

  it('convert the items of integer arrays and validate enum arrays', () => {
    const query = plainToInstance(contracts.ListApplicationsQuery as DtoClass, { limit: '20', householdSizes: '1,2', species: 'dog,cat' }) as Json;
    expect(query.limit).toBe(20);
    expect(query.householdSizes).toEqual([1, 2]);
    expect(query.species).toEqual(['dog', 'cat']);
    expect(failures(validateSync(query, pipeOptions))).toEqual([]);
    expect(check('ListApplicationsQuery', {})).toEqual([]);
  });

  const badQueries: Array<[string, string, Json, string[]]> = [
    ['integer that is not a number', 'SubmitApplicationQuery', { priority: 'abc' }, ['priority:isInt', 'priority:max', 'priority:min']],
    ['integer above maximum', 'SubmitApplicationQuery', { priority: '9' }, ['priority:max']],
    ['fractional integer', 'SubmitApplicationQuery', { priority: '2.5' }, ['priority:isInt']],
    ['boolean that is neither true nor false', 'SubmitApplicationQuery', { priority: '1', dryRun: 'yes' }, ['dryRun:isBoolean']],
    ['array over maxItems', 'SubmitApplicationQuery', { priority: '1', labels: 'a,b,c,d' }, ['labels:arrayMaxSize']],
    ['array item over maxLength', 'SubmitApplicationQuery', { priority: '1', labels: 'a,bbbbbbbbbbb' }, ['labels:maxLength']],
    ['missing required parameter', 'SubmitApplicationQuery', {}, ['priority:isInt', 'priority:max', 'priority:min']],
    ['unknown parameter', 'SubmitApplicationQuery', { priority: '1', sort: 'asc' }, ['sort:whitelistValidation']],
    ['integer array item that is not a number', 'ListApplicationsQuery', { householdSizes: '1,x' }, ['householdSizes:isInt']],
    ['enum array with a wrong value', 'ListApplicationsQuery', { species: 'dog,hamster' }, ['species:isEnum']],
  ];
  it.each(badQueries)('reject a query with a %s', (_name, className, query, expected) => {
    expect(check(className, query)).toEqual(expected);
  });

  it('convert and validate path parameters', () => {
    const params = plainToInstance(contracts.WithdrawApplicationParams as DtoClass, { shelterId: UUID, applicationId: '7' }) as Json;
    expect(params.applicationId).toBe(7);
    expect(failures(validateSync(params, pipeOptions))).toEqual([]);
    expect(check('WithdrawApplicationParams', { shelterId: 'nope', applicationId: '0' })).toEqual(['applicationId:min', 'shelterId:isUuid']);
  });

  it('leave header parameters out of the parameter classes', () => {
    expect(Object.keys(contracts)).not.toContain('SubmitApplicationHeaders');
    expect(check('SubmitApplicationQuery', { priority: '1', 'Idempotency-Key': 'abcdefgh' })).toEqual(['Idempotency-Key:whitelistValidation']);
  });
});

describe('generated operation metadata', () => {
  it('describes the POST answering 201', () => {
    expect(contracts.operations.submitApplication).toEqual({
      operationId: 'submitApplication',
      method: 'POST',
      path: '/api/v1/shelters/{shelterId}/applications',
      summary: 'Submit an adoption application',
      tags: ['Applications'],
      security: ['bearerAuth'],
      successStatus: 201,
      pathParams: contracts.SubmitApplicationParams,
      query: contracts.SubmitApplicationQuery,
      headers: ['Idempotency-Key'],
      body: contracts.ApplicationDraftDto,
      responses: [
        { status: 201, type: contracts.AdoptionApplicationDto },
        { status: 400, type: contracts.ErrorDto },
        { status: 404, type: contracts.ErrorDto },
      ],
    });
  });

  it('describes the public GET with path parameters shared by the path item', () => {
    expect(contracts.operations.listApplications).toEqual({
      operationId: 'listApplications',
      method: 'GET',
      path: '/api/v1/shelters/{shelterId}/applications',
      summary: 'List applications of a shelter',
      tags: ['Applications'],
      security: [],
      successStatus: 200,
      pathParams: contracts.ListApplicationsParams,
      query: contracts.ListApplicationsQuery,
      headers: [],
      body: null,
      responses: [
        { status: 200, type: contracts.ApplicationPageDto },
        { status: 404, type: contracts.ErrorDto },
      ],
    });
  });

  it('describes the DELETE answering 204 without a body', () => {
    expect(contracts.operations.withdrawApplication).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/shelters/{shelterId}/applications/{applicationId}',
      security: ['bearerAuth'],
      successStatus: 204,
      pathParams: contracts.WithdrawApplicationParams,
      query: null,
      body: null,
      responses: [
        { status: 204, type: null },
        { status: 404, type: contracts.ErrorDto },
      ],
    });
    expect(Object.keys(contracts.operations)).toEqual(['listApplications', 'submitApplication', 'withdrawApplication']);
  });

  it('typechecks with the project compiler options (satisfies ContractOperation, no unused imports)', () => {
    writeFileSync(
      join(workDir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { rootDir: '.', noEmit: true },
        include: ['generated/*.ts', 'operation.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(workDir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('declaration order', () => {
  it('declares a class before the class whose property references it directly', () => {
    const dtos = generated['dtos.ts'];
    // AdoptionApplication comes first both alphabetically and in the fixture, yet uses Shelter directly.
    expect(Object.keys(fixture.components.schemas).indexOf('AdoptionApplication')).toBeLessThan(Object.keys(fixture.components.schemas).indexOf('Shelter'));
    expect(dtos.indexOf('export class ShelterDto ')).toBeGreaterThan(-1);
    expect(dtos.indexOf('export class ShelterDto ')).toBeLessThan(dtos.indexOf('export class AdoptionApplicationDto '));
    expect(dtos.indexOf('export const PetSpecies ')).toBeLessThan(dtos.indexOf('export class AdoptionApplicationDto '));
  });

  it('lets the module load with the design:type metadata pointing at the referenced class', () => {
    // Declared the other way round, the import in beforeAll throws a ReferenceError (TDZ).
    expect(importError).toBeUndefined();
    expect(Reflect.getMetadata('design:type', contracts.AdoptionApplicationDto.prototype, 'shelter')).toBe(contracts.ShelterDto);
  });

  it('matters: the same module with the referenced class declared last fails to load (control)', async () => {
    const dtos = generated['dtos.ts'];
    const start = dtos.indexOf('@ApiSchema({ name: "Shelter" })');
    const end = dtos.indexOf('\n}\n', start) + 3;
    expect(start).toBeGreaterThan(-1);
    const misordered = dtos.slice(0, start) + dtos.slice(end) + '\n' + dtos.slice(start, end);
    const dir = join(workDir, 'misordered');
    writeGenerated(dir, { 'dtos.ts': misordered });
    await expect(import(join(dir, 'generated/dtos.ts'))).rejects.toThrow(/before initialization/);
  });
});

describe('unsupported constructs', () => {
  const schemas = (d: Json) => d.components.schemas;
  const application = (d: Json) => d.components.schemas.AdoptionApplication.properties;
  const submit = (d: Json) => d.paths['/api/v1/shelters/{shelterId}/applications'].post;
  const list = (d: Json) => d.paths['/api/v1/shelters/{shelterId}/applications'].get;
  const withdraw = (d: Json) => d.paths['/api/v1/shelters/{shelterId}/applications/{applicationId}'].delete;

  const cases: Array<[string, (d: Json) => void, RegExp]> = [
    ['oneOf in a property', (d) => (application(d).contact = { oneOf: [{ type: 'string' }, { type: 'integer' }] }), /keyword "oneOf"/],
    ['anyOf in a property', (d) => (application(d).contact = { anyOf: [{ type: 'string' }, { type: 'integer' }] }), /keyword "anyOf"/],
    ['allOf composing a named schema', (d) => (schemas(d).Shelter = { allOf: [{ $ref: '#/components/schemas/Error' }] }), /keyword "allOf"/],
    ['not in a property', (d) => (application(d).nickname = { type: 'string', not: { const: 'x' } }), /keyword "not"/],
    ['union of two non-null types', (d) => (application(d).nickname = { type: ['string', 'integer'] }), /union type string\|integer/],
    ['union of three types with null', (d) => (application(d).note = { type: ['string', 'integer', 'null'] }), /union type/],
    ['unsupported keyword', (d) => (application(d).householdSize.multipleOf = 2), /householdSize: keyword "multipleOf"/],
    ['OpenAPI 3.0 nullable', (d) => (application(d).note = { type: 'string', nullable: true }), /note: keyword "nullable"/],
    [
      'unsupported keyword in a parameter schema',
      (d) => (list(d).parameters[0].schema.exclusiveMinimum = 0),
      /listApplications\.query\.limit: keyword "exclusiveMinimum"/,
    ],
    ['unsupported string format', (d) => (application(d).applicantEmail.format = 'ipv4'), /string format ipv4/],
    ['unsupported format of array items', (d) => (application(d).tags.items.format = 'hostname'), /tags\[\]: string format hostname/],
    [
      'inline object with properties',
      (d) => (application(d).address = { type: 'object', properties: { street: { type: 'string' } } }),
      /address: inline object with properties/,
    ],
    [
      'inline object with properties as array items',
      (d) => (application(d).tags.items = { type: 'object', properties: { label: { type: 'string' } } }),
      /inline object with properties/,
    ],
    [
      'inline object with properties as map values',
      (d) => (application(d).answers.additionalProperties = { type: 'object', properties: { text: { type: 'string' } } }),
      /inline object with properties/,
    ],
    ['nested arrays', (d) => (application(d).tags.items = { type: 'array', items: { type: 'string' } }), /nested arrays/],
    ['named schema that is neither an object nor an enum', (d) => (schemas(d).Error = { type: 'string' }), /must be an object or an enum/],
    [
      'request body with an inline schema',
      (d) => (submit(d).requestBody.content['application/json'].schema = { type: 'object' }),
      /must reference a named schema/,
    ],
    [
      'response with an inline schema',
      (d) => (list(d).responses['200'].content['application/json'].schema = { type: 'array', items: { $ref: '#/components/schemas/AdoptionApplication' } }),
      /must reference a named schema/,
    ],
    [
      'shared response with an inline schema',
      (d) => (d.components.responses.NotFound.content['application/json'].schema = { type: 'object' }),
      /must reference a named schema/,
    ],
    ['missing operationId', (d) => delete submit(d).operationId, /POST \/api\/v1\/shelters\/\{shelterId\}\/applications has no operationId/],
    ['duplicate operationId', (d) => (withdraw(d).operationId = 'listApplications'), /duplicate operationId listApplications/],
    ['operation without a 2xx response', (d) => delete submit(d).responses['201'], /submitApplication has no 2xx response/],
    [
      'schemas referencing each other directly',
      (d) => (schemas(d).Shelter.properties.featured = { $ref: '#/components/schemas/AdoptionApplication' }),
      /reference each other directly: AdoptionApplication -> Shelter -> AdoptionApplication/,
    ],
    [
      'schema referencing itself directly',
      (d) => (schemas(d).Reference.properties.referee = { $ref: '#/components/schemas/Reference' }),
      /reference each other directly: Reference -> Reference/,
    ],
  ];

  it('the unmodified fixture is supported', () => {
    expect(() => generateContracts(document())).not.toThrow();
  });

  it.each(cases)('throws UnsupportedSchemaError for %s', (_name, change, message) => {
    const changed = document();
    change(changed);
    let error: unknown;
    try {
      generateContracts(changed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsupportedSchemaError);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts operation extensions (x-version-check) on a PATCH without a body, and leaves them out of the metadata', () => {
    const changed = document();
    const item = changed.paths['/api/v1/shelters/{shelterId}/applications/{applicationId}'];
    item.patch = {
      ...structuredClone(withdraw(changed)),
      operationId: 'markApplicationSeen',
      'x-version-check': 'none',
      responses: { 200: { description: 'Seen.', content: { 'application/json': { schema: { $ref: '#/components/schemas/AdoptionApplication' } } } } },
    };
    const operations = generateContracts(changed)['operations.ts'];
    expect(operations).toContain('  markApplicationSeen: {\n    operationId: "markApplicationSeen",\n    method: "PATCH",');
    const block = operations.slice(
      operations.indexOf('  markApplicationSeen: {'),
      operations.indexOf('\n  },', operations.indexOf('  markApplicationSeen: {')),
    );
    expect(block).toContain('body: null,');
    expect(block).toContain('successStatus: 200,');
    expect(operations).not.toContain('version-check');
  });

  it('accepts a cycle through an array (the array is typed Array, not the class)', () => {
    const changed = document();
    schemas(changed).Shelter.properties.recent = { type: 'array', items: { $ref: '#/components/schemas/AdoptionApplication' } };
    expect(generateContracts(changed)['dtos.ts']).toContain('recent?: Array<AdoptionApplicationDto>;');
  });

  it('accepts an untyped (any JSON) property, documented for @nestjs/swagger without a type', () => {
    const changed = document();
    application(changed).extra = { description: 'Any JSON value.' };
    const source = generateContracts(changed)['dtos.ts'];
    // `type: Array` with a combinator is what @nestjs/swagger emits without a type (test/contract/routes.test.ts
    // compares the result); without it, the `unknown` design type would be documented as `type: object`.
    expect(source).toContain(
      '@ApiProperty({ required: false, description: "Any JSON value.", type: Array, anyOf: [{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object"},{"type":"array","items":{}},{"type":"null"}] })',
    );
    expect(source).toContain('@Allow()\n  extra?: unknown;');
  });
});

describe('output', () => {
  it('is deterministic: two runs give identical files', () => {
    expect(generateContracts(document())).toEqual(generated);
  });

  it('does not depend on the order of components.schemas', () => {
    const shuffled = document();
    shuffled.components.schemas = Object.fromEntries(Object.entries(shuffled.components.schemas).reverse());
    expect(Object.keys(shuffled.components.schemas)[0]).toBe('Shelter');
    expect(generateContracts(shuffled)).toEqual(generated);
  });

  it('leaves the input document unchanged', () => {
    const input = document();
    generateContracts(input);
    expect(input).toEqual(fixture);
  });

  it('produces exactly dtos.ts, operations.ts and index.ts, each starting with the "Do not edit" header', () => {
    expect(Object.keys(generated).sort()).toEqual(['dtos.ts', 'index.ts', 'operations.ts']);
    for (const source of Object.values(generated)) {
      expect(source.startsWith(HEADER)).toBe(true);
      expect(source.split('\n')[0]).toMatch(/Do not edit\.$/);
    }
    expect(generated['index.ts']).toBe(`${HEADER}export * from './dtos';\nexport * from './operations';\n`);
    expect(generated['operations.ts']).toContain("import type { ContractOperation } from '../operation';");
  });
});
