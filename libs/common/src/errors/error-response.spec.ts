import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError, NotFoundError, ValidationFailedError, VersionConflictError } from './domain-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('maps domain errors to their status with code, message and details', () => {
    expect(toErrorResponse(new VersionConflictError('Pet', 7))).toMatchObject({
      status: 409,
      body: { code: 'VERSION_CONFLICT', details: { currentVersion: 7 } },
    });
    expect(toErrorResponse(new NotFoundError('Pet', 'p1'))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(toErrorResponse(new ValidationFailedError([{ field: 'name', constraints: { isString: 'name must be a string' } }]))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'name' }] } },
    });
  });

  it('sends Retry-After for rate limits', () => {
    const limited = toErrorResponse(new DomainError('RATE_LIMITED', 'Slow down.', { retryAfterSeconds: 12 }));
    expect(limited.status).toBe(429);
    expect(limited.headers).toEqual({ 'retry-after': '12' });
  });

  it('maps body-parser failures that Nest wraps', () => {
    const badJson = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { statusCode: 400 });
    expect(toErrorResponse(new HttpException('x', 400, { cause: badJson })).body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The body is not valid JSON.',
      details: {},
    });
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toErrorResponse(new HttpException('x', 413, { cause: tooLarge }))).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const mediaType = Object.assign(new Error('Unsupported Media Type: text/plain'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    expect(toErrorResponse(new HttpException('x', 415, { cause: mediaType }))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it("maps what the router and Node's HTTP parser refuse before any route", () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    expect(toErrorResponse(withCode('FST_ERR_BAD_URL'))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(toErrorResponse(withCode('FST_ERR_MAX_PARAM_LENGTH'))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(toErrorResponse(withCode('HPE_INVALID_CONTENT_LENGTH'))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' }, unexpected: false });
    expect(toErrorResponse(withCode('HPE_HEADER_OVERFLOW'))).toMatchObject({ status: 431, body: { code: 'REQUEST_HEADERS_TOO_LARGE' } });
    expect(toErrorResponse(withCode('ERR_HTTP_REQUEST_TIMEOUT'))).toMatchObject({ status: 408, body: { code: 'REQUEST_TIMEOUT' } });
  });

  it('maps framework exceptions by status', () => {
    expect(toErrorResponse(new NotFoundException()).body.code).toBe('NOT_FOUND');
    expect(toErrorResponse(new BadRequestException('bad')).body.code).toBe('VALIDATION_FAILED');
  });

  it('hides everything about unexpected errors and flags them for logging', () => {
    const result = toErrorResponse(new Error("ER_NO_SUCH_TABLE: Table 'pets.users' doesn't exist"));
    expect(result).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'An unexpected error occurred.', details: {} }, headers: {}, unexpected: true });
  });
});
