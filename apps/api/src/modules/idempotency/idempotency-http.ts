// The Idempotency-Key header and the stored answer, as every controller of a create operation handles them.
import { ValidationFailedError } from '@app/common';
import type { FastifyReply } from 'fastify';
import type { IdempotentResponse } from './idempotency.service';

/** The contract's Idempotency-Key: 8–128 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{8,128}$/;

/** The header's value, refused with VALIDATION_FAILED when it is present but malformed. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', constraints: { pattern: 'Use 8–128 printable ASCII characters.' } }]);
  }
  return header;
}

/** For operations where a duplicate must never happen: the header is required. */
export function requiredIdempotencyKeyOf(header: string | undefined): string {
  if (header === undefined) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', constraints: { required: 'This operation needs an Idempotency-Key header, so that a retry cannot apply twice.' } }]);
  }
  return idempotencyKeyOf(header)!;
}

/** The stored JSON text, as is: a replay is byte for byte the first answer. */
export function sendIdempotent(reply: FastifyReply, result: IdempotentResponse): string {
  void reply.status(result.status).header('content-type', 'application/json; charset=utf-8');
  return result.body;
}
