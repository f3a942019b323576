import type { ContractOperation } from '@app/contracts';

/**
 * The methods the contract serves at a concrete path (`/api/v1/pets/0197…`), so that a request with another
 * method answers 405 with `Allow` rather than 404. Fastify's router only knows "no route".
 */
export class AllowedMethods {
  private readonly routes: ReadonlyArray<{ method: string; pattern: RegExp }>;

  constructor(operations: Iterable<Pick<ContractOperation, 'method' | 'path'>>) {
    this.routes = [...operations].map(({ method, path }) => ({ method, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  }

  /** Empty when no operation has this path. HEAD comes with GET, as Fastify serves both. */
  of(pathname: string): string[] {
    const methods = this.routes.filter((route) => route.pattern.test(pathname)).map((route) => route.method);
    return methods.includes('GET') ? [...new Set([...methods, 'HEAD'])] : [...new Set(methods)];
  }
}
