import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@app/common';
import type { RegisterRequestDto } from '@app/contracts';
import type { FastifyRequest } from 'fastify';
import { IdempotencyInterceptor, type IdempotentRequestScope } from '../idempotency/idempotency.interceptor';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { hmacSha256Hex, normaliseEmail, sha256Hex } from './secrets';

/**
 * Sign-up has no signed-in caller: its keys are scoped to the address (`email:<hash>`), which a retry always
 * repeats. The fingerprint covers the password only through an HMAC with a server secret, so the idempotency
 * table never holds a fast, crackable hash of a password.
 */
@Injectable()
export class RegistrationIdempotency extends IdempotencyInterceptor {
  constructor(
    idempotency: IdempotencyService,
    reflector: Reflector,
    private readonly config: AppConfig,
  ) {
    super(idempotency, reflector);
  }

  /** The body has passed validation: the handler ran before. */
  protected override scopeOf(request: FastifyRequest): IdempotentRequestScope {
    const body = request.body as RegisterRequestDto;
    const email = normaliseEmail(body.email);
    return {
      caller: `email:${Buffer.from(sha256Hex(email), 'hex').toString('base64url')}`,
      fingerprint: { email, name: body.name, password: hmacSha256Hex(this.config.JWT_SECRET, body.password) },
    };
  }
}
