// Services throw these; the exception filter turns them into `{ code, message, details }` responses.
// Services never build HTTP responses themselves.
import type { ErrorCode } from '@app/contracts';

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_STALE: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  APPLICATION_EXISTS: 409,
  CONFLICT: 409,
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  REQUEST_HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }
}

export interface FieldError {
  field: string;
  constraints: Record<string, string>;
}

export class ValidationFailedError extends DomainError {
  constructor(fields: FieldError[], message = 'The request is invalid.') {
    super('VALIDATION_FAILED', message, { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${resource} not found.` : `${resource} ${id} not found.`, id === undefined ? { resource } : { resource, id });
  }
}

export class VersionConflictError extends DomainError {
  constructor(resource: string, currentVersion: number) {
    super('VERSION_CONFLICT', `${resource} was changed by someone else; reload it and retry.`, { currentVersion });
  }
}
