// Types of dto-generator.mjs, for the TypeScript files (tests) that import it.

/** Thrown for a schema construct the generator cannot express as class-validator classes. */
export declare class UnsupportedSchemaError extends Error {}

/** Name of the DTO class generated for a component schema: `Pet` → `PetDto`. */
export declare function dtoClassName(schemaName: string): string;

export type GeneratedContracts = {
  'dtos.ts': string;
  'operations.ts': string;
  'index.ts': string;
};

/** Generates the DTO classes, enums and operation metadata from a bundled OpenAPI 3.1 document. */
export declare function generateContracts(document: object): GeneratedContracts;
