import { ValidationFailedError } from '@app/common';

/** The contract's Idempotency-Key: 8–128 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{8,128}$/;

/** The header's value, refused with VALIDATION_FAILED when it is present but malformed. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', constraints: { pattern: 'Use 8–128 printable ASCII characters.' } }]);
  }
  return header;
}
