import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig, CONTRACT_OPERATION, DomainError } from '@app/common';
import type { ContractOperation } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenService } from '../auth/access-token.service';
import { bearerTokenOf } from '../auth/bearer-authenticator';
import { RateLimiter, tightest, type Bucket } from './rate-limiter';

/** Sign-in and account recovery: public, and what password guessing and mail flooding go through. */
export const AUTH_LIMITED_OPERATIONS: ReadonlySet<string> = new Set([
  'register',
  'verifyEmail',
  'resendVerificationEmail',
  'login',
  'completeTwoFactorLogin',
  'refreshTokens',
  'requestPasswordReset',
  'resetPassword',
]);

/** Probes of the orchestrator are never limited. */
const UNLIMITED_OPERATIONS: ReadonlySet<string> = new Set(['getLiveness', 'getReadiness']);

/** Warn about a Redis outage at most this often, not once per request. */
const OUTAGE_LOG_INTERVAL_MS = 30_000;

/**
 * Global guard, registered before authentication so that guessing tokens is limited too. Every operation
 * counts against RATE_LIMIT_PER_MINUTE per user (signed in) or per client address; sign-in and recovery also
 * against AUTH_RATE_LIMIT_PER_MINUTE per address. Answers carry RateLimit-Limit/-Remaining/-Reset (IETF draft);
 * over a limit → 429 RATE_LIMITED with Retry-After. Redis down → fail open, with a warning.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private lastOutageLog = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = this.reflector.get<ContractOperation | undefined>(CONTRACT_OPERATION, context.getHandler());
    if (!operation || UNLIMITED_OPERATIONS.has(operation.operationId)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();

    const buckets: Bucket[] = [{ key: `global:${this.clientOf(request)}`, limit: this.config.RATE_LIMIT_PER_MINUTE }];
    if (AUTH_LIMITED_OPERATIONS.has(operation.operationId)) buckets.push({ key: `auth:ip:${request.ip}`, limit: this.config.AUTH_RATE_LIMIT_PER_MINUTE });

    let shown;
    try {
      shown = tightest(await this.limiter.hit(buckets));
    } catch (error) {
      this.reportOutage(error);
      return true;
    }
    void reply.header('ratelimit-limit', String(shown.limit));
    void reply.header('ratelimit-remaining', String(shown.remaining));
    void reply.header('ratelimit-reset', String(shown.resetSeconds));
    if (shown.exceeded) {
      throw new DomainError('RATE_LIMITED', 'Too many requests; retry after the time in Retry-After.', { retryAfterSeconds: shown.resetSeconds });
    }
    return true;
  }

  /** A signed-in caller is limited per user (wherever they connect from), anyone else per address. */
  private clientOf(request: FastifyRequest): string {
    const token = bearerTokenOf(request.headers.authorization);
    if (token) {
      try {
        return `user:${this.tokens.verify(token).userId}`;
      } catch {
        // an invalid token counts against the address it came from
      }
    }
    return `ip:${request.ip}`;
  }

  private reportOutage(error: unknown): void {
    if (Date.now() - this.lastOutageLog < OUTAGE_LOG_INTERVAL_MS) return;
    this.lastOutageLog = Date.now();
    this.logger.warn({ err: error }, 'rate limiting unavailable (Redis); failing open');
  }
}
