// The single mapping from anything thrown to the `{ code, message, details }` body and its status.
// Used by the Nest exception filter, and by the handlers of what Fastify and Node's HTTP parser reject before
// Nest sees the request (http/framework-errors.ts), so all answer alike.
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

// Fastify's errors (body parser, router) and Node's HTTP parser errors (`clientError`), by their `code`.
const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Type; send application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: 'Content-Length does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', message: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { code: 'VALIDATION_FAILED', message: 'The URL is not validly percent-encoded.' },
  // 400 like any malformed id (a 36-character UUID is far below the limit), not 414: the answer does not change
  // at the router's length limit, and every operation with a path parameter already documents 400.
  FST_ERR_MAX_PARAM_LENGTH: { code: 'VALIDATION_FAILED', message: 'A path parameter is too long.' },
  HPE_HEADER_OVERFLOW: { code: 'REQUEST_HEADERS_TOO_LARGE', message: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive.' },
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
    const headers: Record<string, string> = {};
    if (typeof error.details.retryAfterSeconds === 'number') headers['retry-after'] = String(error.details.retryAfterSeconds);
    if (Array.isArray(error.details.allowed)) headers.allow = error.details.allowed.join(', ');
    return response(error.code, error.message, error.details, headers);
  }
  // Nest wraps Fastify's body-parser errors in an HttpException whose cause is the original.
  if (error instanceof HttpException && error.cause instanceof Error) {
    const mapped = frameworkErrorResponse(error.cause);
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
  return (error instanceof Error && frameworkErrorResponse(error)) || response('INTERNAL', 'An unexpected error occurred.');
}

function frameworkErrorResponse(error: Error): ErrorResponse | undefined {
  const errorCode = (error as { code?: string }).code;
  const known = errorCode ? FRAMEWORK_ERRORS[errorCode] : undefined;
  if (known) return response(known.code, known.message);
  // Any other complaint of Node's HTTP parser (bad Content-Length, bad chunking, bad header bytes…) is the client's.
  if (errorCode?.startsWith('HPE_')) return response('VALIDATION_FAILED', 'The HTTP request is malformed.');
  // JSON.parse failures surface as SyntaxError with a 400 statusCode from Fastify's parser.
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (error instanceof SyntaxError && statusCode === 400) return response('VALIDATION_FAILED', 'The body is not valid JSON.');
  return undefined;
}
