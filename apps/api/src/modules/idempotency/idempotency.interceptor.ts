// The http side of idempotent creates, so that services return domain results and never see a header or a
// status: `@Idempotent()` reads the Idempotency-Key, runs the handler's unit of work in the transaction that
// claims the key and stores the answer, and sends the stored JSON text (a replay is byte for byte the first).
import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { CONTRACT_OPERATION, ValidationFailedError } from '@app/common';
import type { ContractOperation } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { FastifyReply } from 'fastify';
import { lastValueFrom, of, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/authorization';
import { IdempotencyService } from './idempotency.service';

/** What an `@Idempotent()` handler returns: the work to run at most once per key, in the transaction given. */
export type UnitOfWork<T> = (tx: TransactionContext) => Promise<T>;

/** Who asks (keys are scoped to them) and what they ask (a retry with the key must repeat it). */
export interface IdempotentRequestScope {
  caller: string;
  fingerprint: unknown;
}

interface IdempotentOptions {
  /** For operations where a duplicate must never happen: without the header the answer is 400. */
  required?: boolean;
  /** A subclass that scopes keys otherwise, for an operation without a signed-in caller. */
  interceptor?: Type<IdempotencyInterceptor>;
}

const IDEMPOTENT_OPTIONS = 'idempotency:options';

/** The contract's Idempotency-Key: 8–128 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{8,128}$/;

/** Beside `@ContractRoute(...)`: the operation id names the operation a key belongs to, and its success status is stored. */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, options),
    ApiHeader({ name: 'Idempotency-Key', required: options.required ?? false }),
    UseInterceptors(options.interceptor ?? IdempotencyInterceptor),
  );
}

function idempotencyKeyOf(header: string | undefined, required: boolean): string | undefined {
  if (header === undefined) {
    if (!required) return undefined;
    throw new ValidationFailedError([
      { field: 'Idempotency-Key', constraints: { required: 'This operation needs an Idempotency-Key header, so that a retry cannot apply twice.' } },
    ]);
  }
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', constraints: { pattern: 'Use 8–128 printable ASCII characters.' } }]);
  }
  return header;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler<UnitOfWork<unknown>>): Promise<Observable<string>> {
    const operation = this.reflector.get<ContractOperation>(CONTRACT_OPERATION, context.getHandler());
    const { required = false } = this.reflector.get<IdempotentOptions>(IDEMPOTENT_OPTIONS, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    // The handler runs first, as any other: its pipes validate the input, so a malformed request claims no key.
    const work = await lastValueFrom(next.handle());
    const key = idempotencyKeyOf(request.headers['idempotency-key'] as string | undefined, required);
    const { caller, fingerprint } = this.scopeOf(request);
    const response = await this.idempotency.execute({ caller, operation: operation.operationId, key }, fingerprint, async (tx) => ({
      status: operation.successStatus,
      body: await work(tx),
    }));
    void http.getResponse<FastifyReply>().status(response.status).header('content-type', 'application/json; charset=utf-8');
    return of(response.body);
  }

  /** Keys are the signed-in caller's, and the path parameters are part of the request a retry must repeat. */
  protected scopeOf(request: AuthenticatedRequest): IdempotentRequestScope {
    if (!request.principal) throw new Error('@Idempotent() on an operation without security needs an interceptor that scopes its keys');
    return { caller: request.principal.userId, fingerprint: { ...(request.params as object), ...(request.body as object) } };
  }
}
