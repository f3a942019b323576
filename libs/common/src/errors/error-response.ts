// The single mapping from anything thrown to the `{ code, message, details }` body and its status.
// Used by the Nest exception filter and by Fastify's own error handler (body-parser failures happen
// before Nest sees the request), so both answer alike.
import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@app/contracts';
import { DomainError, HTTP_STATUS_BY_CODE } from './domain-error';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when the failure is ours (5xx) and must be logged with its stack. */
  unexpected: boolean;
}

const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Type; send application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: 'Content-Length does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The body is not valid JSON.' },
};

const HTTP_EXCEPTION_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function response(code: ErrorCode, message: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}): ErrorResponse {
  const status = HTTP_STATUS_BY_CODE[code];
  return { status, body: { code, message, details }, headers, unexpected: status >= 500 && code !== 'SERVICE_UNAVAILABLE' };
}

export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = typeof error.details.retryAfterSeconds === 'number' ? { 'retry-after': String(error.details.retryAfterSeconds) } : {};
    return response(error.code, error.message, error.details, headers);
  }
  // Nest wraps Fastify's body-parser errors in an HttpException whose cause is the original.
  if (error instanceof HttpException && error.cause instanceof Error) {
    const mapped = fastifyErrorResponse(error.cause);
    if (mapped) return mapped;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_EXCEPTION_CODES[status];
    if (code) {
      const message = status === 404 ? 'No such route.' : typeof error.getResponse() === 'string' ? String(error.getResponse()) : error.message;
      return response(code, message);
    }
  }
  return (error instanceof Error && fastifyErrorResponse(error)) || response('INTERNAL', 'An unexpected error occurred.');
}

function fastifyErrorResponse(error: Error): ErrorResponse | undefined {
  const fastifyCode = (error as { code?: string }).code;
  const known = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
  if (known) return response(known.code, known.message);
  // JSON.parse failures surface as SyntaxError with a 400 statusCode from Fastify's parser.
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (error instanceof SyntaxError && statusCode === 400) return response('VALIDATION_FAILED', 'The body is not valid JSON.');
  return undefined;
}
