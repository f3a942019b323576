// Shape of the operation metadata that tools/contract generates into ./generated/operations.ts.
// Hand-written because the generator imports it; everything else in this library is generated.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DtoClass = new (...args: any[]) => object;

export interface ContractResponse {
  readonly status: number;
  readonly type: DtoClass | null;
}

export interface ContractOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Full contract path, e.g. `/api/v1/features/{feature}`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Names of the security schemes that may authorise the call; empty means public. */
  readonly security: readonly string[];
  readonly successStatus: number;
  readonly pathParams: DtoClass | null;
  readonly query: DtoClass | null;
  readonly headers: readonly string[];
  readonly body: DtoClass | null;
  readonly responses: readonly ContractResponse[];
}
