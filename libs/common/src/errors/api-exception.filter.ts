import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AllowedMethods } from '../http/allowed-methods';
import { DomainError } from './domain-error';
import { toErrorResponse } from './error-response';

/** The one exception filter of the API: every failure leaves as `{ code, message, details }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** With `allowedMethods`, a known path asked with another method answers 405 instead of 404. */
  constructor(private readonly allowedMethods?: AllowedMethods) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers, unexpected } = toErrorResponse(this.methodNotAllowed(exception, http.getRequest<FastifyRequest>()) ?? exception);
    if (unexpected) this.logger.error({ err: exception }, 'unhandled error');
    void reply.status(status).headers(headers).send(body);
  }

  // Nest answers a request no route matches with NotFoundException; our services throw NotFoundError instead.
  private methodNotAllowed(exception: unknown, request: FastifyRequest): DomainError | undefined {
    if (!this.allowedMethods || !(exception instanceof NotFoundException)) return undefined;
    const allowed = this.allowedMethods.of(request.url.split('?')[0]);
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
    return new DomainError('METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allowed.join(', ')}.`, { allowed });
  }
}
