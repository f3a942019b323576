// Generates the server-side contract code (DTO classes, enums, operation metadata) from the bundled
// OpenAPI 3.1 document. The openapi-generator JAR cannot run on our machines, so we own this small
// generator; the Spectral rules in openapi/.spectral.yaml forbid every schema construct it does not support.

const HEADER = '// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.\n';
const SUPPORTED_KEYWORDS = new Set([
  'type',
  'format',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'description',
  '$ref',
  'default',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'title',
  'const',
]);
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export class UnsupportedSchemaError extends Error {}

const pascal = (s) => s.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, c) => c.toUpperCase());
const refName = (ref) => ref.split('/').pop();
export const dtoClassName = (schemaName) => `${schemaName}Dto`;
const literal = (v) => JSON.stringify(v);

/** The JSON value types: what an untyped ("any JSON value") property may hold. */
const ANY_JSON = ['string', 'number', 'boolean', 'object', 'array', 'null'].map((type) => (type === 'array' ? { type, items: {} } : { type }));

/** Splits `type: [X, 'null']` into the base type and nullability. */
function baseType(schema) {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    if (types.length !== 1) throw new UnsupportedSchemaError(`union type ${schema.type.join('|')}`);
    return { type: types[0], nullable: schema.type.includes('null') };
  }
  return { type: schema.type, nullable: false };
}

function assertSupported(schema, where) {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(key)) throw new UnsupportedSchemaError(`${where}: keyword "${key}" is not supported`);
  }
}

class Emitter {
  constructor(document) {
    this.schemas = document.components?.schemas ?? {};
    this.document = document;
    this.validators = new Set();
    this.transformers = new Set();
    this.swagger = new Set(['ApiProperty']);
  }

  isEnum(name) {
    return Array.isArray(this.schemas[name]?.enum);
  }

  /** TypeScript type of a schema used as a property. */
  tsType(schema, where) {
    if (schema.$ref) {
      const name = refName(schema.$ref);
      return this.isEnum(name) ? name : dtoClassName(name);
    }
    assertSupported(schema, where);
    const { type, nullable } = baseType(schema);
    let ts;
    if (schema.enum) ts = schema.enum.map(literal).join(' | ');
    else if (type === 'string') ts = 'string';
    else if (type === 'integer' || type === 'number') ts = 'number';
    else if (type === 'boolean') ts = 'boolean';
    else if (type === 'array') ts = `Array<${this.tsType(schema.items ?? {}, `${where}[]`)}>`;
    else if (type === 'object') {
      if (schema.properties) throw new UnsupportedSchemaError(`${where}: inline object with properties; name it in components.schemas`);
      const values = typeof schema.additionalProperties === 'object' ? this.tsType(schema.additionalProperties, `${where}{}`) : 'unknown';
      ts = `Record<string, ${values}>`;
    } else if (type === undefined) ts = 'unknown';
    else throw new UnsupportedSchemaError(`${where}: type ${type}`);
    return nullable ? `${ts} | null` : ts;
  }

  /** class-validator decorators for one value; `each` applies them to array elements. */
  validatorsFor(schema, where, each = false) {
    const opt = each ? ', { each: true }' : '';
    const optOnly = each ? '{ each: true }' : '';
    const out = [];
    const use = (name) => this.validators.add(name);
    if (schema.$ref) {
      const name = refName(schema.$ref);
      if (this.isEnum(name)) {
        use('IsEnum');
        out.push(`@IsEnum(${name}${opt})`);
      } else {
        use('ValidateNested');
        this.transformers.add('Type');
        out.push(`@ValidateNested(${optOnly})`, `@Type(() => ${dtoClassName(name)})`);
      }
      return out;
    }
    const { type } = baseType(schema);
    if (schema.enum) {
      use('IsIn');
      out.push(`@IsIn(${literal(schema.enum)}${opt})`);
    } else if (type === 'string') {
      if (schema.format === 'date-time') {
        // RFC 3339 is what the contract promises (a bare date is not a time); strict ISO 8601 adds the
        // calendar check (no 30 February) that the RFC 3339 pattern lacks.
        use('IsRFC3339');
        use('IsISO8601');
        out.push(`@IsRFC3339(${optOnly})`, `@IsISO8601({ strict: true }${each ? ', { each: true }' : ''})`);
      } else if (schema.format === 'date') {
        use('IsDateString');
        out.push(`@IsDateString({ strict: true }${each ? ', { each: true }' : ''})`);
      } else if (schema.format === 'email') {
        use('IsEmail');
        out.push(`@IsEmail({}${opt})`);
      } else if (schema.format === 'uuid') {
        use('IsUUID');
        out.push(`@IsUUID('all'${opt})`);
      } else if (schema.format && !['uri', 'password', 'binary'].includes(schema.format)) {
        throw new UnsupportedSchemaError(`${where}: string format ${schema.format}`);
      } else {
        use('IsString');
        out.push(`@IsString(${optOnly})`);
      }
      if (schema.format === 'uri') {
        use('IsUrl');
        out.push(`@IsUrl({ require_tld: false }${opt})`);
      }
      if (schema.minLength !== undefined) {
        use('MinLength');
        out.push(`@MinLength(${schema.minLength}${opt})`);
      }
      if (schema.maxLength !== undefined) {
        use('MaxLength');
        out.push(`@MaxLength(${schema.maxLength}${opt})`);
      }
      if (schema.pattern !== undefined) {
        use('Matches');
        out.push(`@Matches(new RegExp(${literal(schema.pattern)})${opt})`);
      }
    } else if (type === 'integer' || type === 'number') {
      const v = type === 'integer' ? 'IsInt' : 'IsNumber';
      use(v);
      out.push(type === 'integer' ? `@IsInt(${optOnly})` : `@IsNumber({ allowNaN: false, allowInfinity: false }${opt})`);
      if (schema.minimum !== undefined) {
        use('Min');
        out.push(`@Min(${schema.minimum}${opt})`);
      }
      if (schema.maximum !== undefined) {
        use('Max');
        out.push(`@Max(${schema.maximum}${opt})`);
      }
    } else if (type === 'boolean') {
      use('IsBoolean');
      out.push(`@IsBoolean(${optOnly})`);
    } else if (type === 'array') {
      if (each) throw new UnsupportedSchemaError(`${where}: nested arrays`);
      use('IsArray');
      out.push('@IsArray()');
      if (schema.minItems !== undefined) {
        use('ArrayMinSize');
        out.push(`@ArrayMinSize(${schema.minItems})`);
      }
      if (schema.maxItems !== undefined) {
        use('ArrayMaxSize');
        out.push(`@ArrayMaxSize(${schema.maxItems})`);
      }
      if (schema.uniqueItems) {
        use('ArrayUnique');
        out.push('@ArrayUnique()');
      }
      out.push(...this.validatorsFor(schema.items ?? {}, `${where}[]`, true));
    } else if (type === 'object') {
      use('IsObject');
      out.push(`@IsObject(${optOnly})`);
    } else if (type === undefined) {
      // Any JSON value: nothing to check, but the whitelist must know the property exists.
      use('Allow');
      out.push(`@Allow(${optOnly})`);
    }
    return out;
  }

  /** Options of @ApiProperty, so that @nestjs/swagger emits the same schema as the contract. */
  apiPropertyFor(schema, required) {
    const parts = [];
    if (!required) parts.push('required: false');
    if (schema.description) parts.push(`description: ${literal(schema.description.trim())}`);
    const item = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')) ? schema.items : null;
    const target = item ?? schema;
    if (item) parts.push('isArray: true');
    if (target.$ref) {
      const name = refName(target.$ref);
      parts.push(this.isEnum(name) ? `enum: ${name}, enumName: ${literal(name)}` : `type: () => ${dtoClassName(name)}`);
    } else {
      const { type, nullable } = baseType(target);
      const swaggerType = { string: 'String', integer: "'integer'", number: 'Number', boolean: 'Boolean', object: 'Object' }[type];
      if (target.enum) parts.push(`enum: ${literal(target.enum)}`);
      else if (swaggerType) parts.push(`type: ${swaggerType}`);
      // Any JSON value. Left alone, @nestjs/swagger takes the `unknown` property's design type (Object) and
      // documents `type: object`; `type: Array` with a combinator is the one input it emits without a type.
      else if (type === undefined) parts.push(`type: Array, anyOf: ${literal(ANY_JSON)}`);
      if (nullable) parts.push('nullable: true');
      for (const key of ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum']) {
        if (target[key] !== undefined) parts.push(`${key}: ${literal(target[key])}`);
      }
      if (type === 'object' && target.additionalProperties !== undefined) {
        parts.push(`additionalProperties: ${literal(target.additionalProperties)}`);
      }
    }
    if (item) {
      for (const key of ['minItems', 'maxItems', 'uniqueItems']) {
        if (schema[key] !== undefined) parts.push(`${key}: ${literal(schema[key])}`);
      }
    }
    return `@ApiProperty({ ${parts.join(', ')} })`;
  }

  property(name, schema, required, where, { fromQuery = false } = {}) {
    const lines = [];
    if (schema.description && !schema.$ref) lines.push(`  /** ${schema.description.trim().replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */`);
    lines.push(`  ${this.apiPropertyFor(schema, required)}`);
    const { nullable } = schema.$ref ? { nullable: false } : baseType(schema);
    if (!required && nullable) {
      this.validators.add('IsOptional');
      lines.push('  @IsOptional()');
    } else if (!required) {
      // @IsOptional() would also let null through, which the contract forbids for a non-nullable property.
      this.validators.add('ValidateIf');
      lines.push(`  @ValidateIf((_object, value) => value !== undefined)`);
    } else if (nullable) {
      this.validators.add('ValidateIf');
      lines.push(`  @ValidateIf((_object, value) => value !== null)`);
    } else if (schema.$ref && !this.isEnum(refName(schema.$ref))) {
      // @ValidateNested() skips undefined, so without this a missing required object would pass.
      this.validators.add('IsDefined');
      lines.push('  @IsDefined()');
    }
    if (fromQuery) lines.push(...this.queryTransform(schema).map((d) => `  ${d}`));
    lines.push(...this.validatorsFor(schema, where).map((d) => `  ${d}`));
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
    lines.push(`  ${key}${required ? '!' : '?'}: ${this.tsType(schema, where)};`);
    return lines.join('\n');
  }

  /** Query strings arrive as text: convert numbers and booleans, and single values of array filters. */
  queryTransform(schema) {
    const { type } = schema.$ref ? { type: 'string' } : baseType(schema);
    if (['integer', 'number', 'boolean', 'array'].includes(type)) this.transformers.add('Transform');
    if (type === 'integer' || type === 'number') {
      return ["@Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))"];
    }
    if (type === 'boolean') {
      return ["@Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))"];
    }
    if (type === 'array') {
      const itemType = schema.items?.type;
      const convert = itemType === 'integer' || itemType === 'number' ? ".map((v: unknown) => (typeof v === 'string' ? Number(v) : v))" : '';
      return [`@Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(','))${convert})`];
    }
    return [];
  }

  enumDeclaration(name, schema) {
    const members = schema.enum.map((v) => `  ${pascal(String(v).toLowerCase())}: ${literal(v)},`).join('\n');
    const doc = schema.description ? `/** ${schema.description.trim()} */\n` : '';
    return `${doc}export const ${name} = {\n${members}\n} as const;\nexport type ${name} = (typeof ${name})[keyof typeof ${name}];\n`;
  }

  classDeclaration(className, schemaName, schema, where, options) {
    assertSupported(schema, where);
    if (baseType(schema).type !== 'object') throw new UnsupportedSchemaError(`${where}: a named schema must be an object or an enum`);
    this.swagger.add('ApiSchema');
    const required = new Set(schema.required ?? []);
    const props = Object.entries(schema.properties ?? {}).map(([prop, propSchema]) =>
      this.property(prop, propSchema, required.has(prop), `${where}.${prop}`, options),
    );
    const doc = schema.description ? `/** ${schema.description.trim().replace(/\n/g, ' ')} */\n` : '';
    const apiSchema = schemaName ? `@ApiSchema({ name: ${literal(schemaName)} })\n` : '';
    return `${doc}${apiSchema}export class ${className} {\n${props.join('\n\n')}\n}\n`;
  }
}

function operationsOf(document) {
  const ops = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      if (item[method]) ops.push({ path, method, op: item[method], shared: item.parameters ?? [] });
    }
  }
  return ops;
}

function resolve(document, maybeRef) {
  if (!maybeRef?.$ref) return maybeRef;
  const parts = maybeRef.$ref.replace(/^#\//, '').split('/');
  return parts.reduce((node, key) => node[key], document);
}

function jsonSchemaName(document, content) {
  const schema = content?.['application/json']?.schema;
  if (!schema) return null;
  if (!schema.$ref) throw new UnsupportedSchemaError('request and response bodies must reference a named schema');
  return refName(schema.$ref);
}

/**
 * Orders schemas so that a class is declared before any class whose property is typed with it directly:
 * decorator metadata (`design:type`) reads the class when the property is decorated.
 */
function declarationOrder(schemas) {
  const order = [];
  const state = new Map();
  const visit = (name, trail) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new UnsupportedSchemaError(`schemas reference each other directly: ${[...trail, name].join(' -> ')}`);
    state.set(name, 'visiting');
    for (const prop of Object.values(schemas[name]?.properties ?? {})) {
      if (prop.$ref) visit(refName(prop.$ref), [...trail, name]);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(schemas).sort()) visit(name, []);
  return order;
}

/** Returns { 'dtos.ts': source, 'operations.ts': source, 'index.ts': source }. */
export function generateContracts(document) {
  const emitter = new Emitter(document);
  const enumBlocks = [];
  const classBlocks = [];
  for (const name of declarationOrder(emitter.schemas)) {
    const schema = emitter.schemas[name];
    if (schema.enum) enumBlocks.push(emitter.enumDeclaration(name, schema));
    else classBlocks.push(emitter.classDeclaration(dtoClassName(name), name, schema, `#/components/schemas/${name}`));
  }

  const opBlocks = [];
  const paramClasses = [];
  const seen = new Set();
  for (const { path, method, op, shared } of operationsOf(document)) {
    const id = op.operationId;
    if (!id) throw new UnsupportedSchemaError(`${method.toUpperCase()} ${path} has no operationId`);
    if (seen.has(id)) throw new UnsupportedSchemaError(`duplicate operationId ${id}`);
    seen.add(id);
    const params = [...shared, ...(op.parameters ?? [])].map((p) => resolve(document, p));
    const classFor = (location, suffix) => {
      const list = params.filter((p) => p.in === location);
      if (list.length === 0) return null;
      const className = `${pascal(id)}${suffix}`;
      const schema = {
        type: 'object',
        required: list.filter((p) => p.required).map((p) => p.name),
        properties: Object.fromEntries(list.map((p) => [p.name, { ...p.schema, ...(p.description ? { description: p.description } : {}) }])),
      };
      paramClasses.push(emitter.classDeclaration(className, null, schema, `${id}.${location}`, { fromQuery: location !== 'header' }));
      return className;
    };
    const pathParams = classFor('path', 'Params');
    const query = classFor('query', 'Query');
    const headers = params.filter((p) => p.in === 'header').map((p) => p.name);
    const requestBody = op.requestBody ? resolve(document, op.requestBody) : null;
    const body = requestBody ? jsonSchemaName(document, requestBody.content) : null;
    const responses = Object.entries(op.responses ?? {}).map(([status, response]) => {
      const resolved = resolve(document, response);
      const schema = jsonSchemaName(document, resolved.content);
      return { status: Number(status), schema };
    });
    const success = responses.find((r) => r.status >= 200 && r.status < 300);
    if (!success) throw new UnsupportedSchemaError(`${id} has no 2xx response`);
    const dto = (schema) => (schema ? dtoClassName(schema) : 'null');
    opBlocks.push(
      `  ${id}: {\n` +
        `    operationId: ${literal(id)},\n` +
        `    method: ${literal(method.toUpperCase())},\n` +
        `    path: ${literal(path)},\n` +
        `    summary: ${literal(op.summary ?? '')},\n` +
        `    tags: ${literal(op.tags ?? [])},\n` +
        `    security: ${literal((op.security ?? document.security ?? []).flatMap((s) => Object.keys(s)))},\n` +
        `    successStatus: ${success.status},\n` +
        `    pathParams: ${pathParams ?? 'null'},\n` +
        `    query: ${query ?? 'null'},\n` +
        `    headers: ${literal(headers)},\n` +
        `    body: ${dto(body)},\n` +
        `    responses: [${responses.map((r) => `{ status: ${r.status}, type: ${dto(r.schema)} }`).join(', ')}],\n` +
        `  },`,
    );
  }

  const validatorImports = [...emitter.validators].sort().join(', ');
  const transformerImports = [...emitter.transformers].sort().join(', ');
  const swaggerImports = [...emitter.swagger].sort().join(', ');
  const dtos =
    HEADER +
    `/* eslint-disable */\nimport { ${swaggerImports} } from '@nestjs/swagger';\n` +
    (transformerImports ? `import { ${transformerImports} } from 'class-transformer';\n` : '') +
    (validatorImports ? `import { ${validatorImports} } from 'class-validator';\n` : '') +
    '\n' +
    [...enumBlocks, ...classBlocks, ...paramClasses].join('\n');

  // Only the classes the metadata uses: an unused import fails the typecheck (noUnusedLocals).
  const dtoNames = [
    ...Object.keys(emitter.schemas)
      .filter((n) => !emitter.isEnum(n))
      .map(dtoClassName),
    ...paramClasses.map((c) => /export class (\w+)/.exec(c)[1]),
  ].filter((n) => opBlocks.some((block) => new RegExp(`\\b${n}\\b`).test(block)));
  const operations =
    HEADER +
    `import type { ContractOperation } from '../operation';\n` +
    `import { ${dtoNames.sort().join(', ')} } from './dtos';\n\n` +
    `export const operations = {\n${opBlocks.join('\n')}\n} as const satisfies Record<string, ContractOperation>;\n\n` +
    `export type OperationId = keyof typeof operations;\n`;

  return { 'dtos.ts': dtos, 'operations.ts': operations, 'index.ts': `${HEADER}export * from './dtos';\nexport * from './operations';\n` };
}
