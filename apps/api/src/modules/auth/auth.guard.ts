import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CONTRACT_OPERATION, DomainError, requestContext } from '@app/common';
import type { ContractOperation } from '@app/contracts';
import { hasPermission, type Permission, type Principal } from '@app/identity';
import { REQUIRED_PERMISSION, type AuthenticatedRequest } from './authorization';
import { BearerAuthenticator, bearerTokenOf } from './bearer-authenticator';

/**
 * Global guard: an operation the contract marks with bearerAuth needs a valid access token, and the permission
 * named by @RequirePermission if any. Public operations still recognise a valid token (for personalised answers).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = this.reflector.get<ContractOperation | undefined>(CONTRACT_OPERATION, context.getHandler());
    if (!operation) return true; // infrastructure routes outside the contract (/metrics)
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    const secured = operation.security.includes('bearerAuth');

    if (!secured) {
      // A valid token personalises a public answer; a stale or revoked one is ignored, not an error.
      if (token) request.principal = (await this.authenticate(token).catch(() => undefined)) ?? undefined;
      return true;
    }
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to do this.');
    const principal = await this.authenticate(token);
    request.principal = principal;
    const context_ = requestContext.get();
    if (context_) context_.actorId = principal.userId;

    const permission = this.reflector.get<Permission | undefined>(REQUIRED_PERMISSION, context.getHandler());
    if (permission && !hasPermission(principal.role, permission)) {
      throw new DomainError('FORBIDDEN', 'You do not have permission to do this.', { permission });
    }
    return true;
  }

  private async authenticate(token: string): Promise<Principal> {
    return (await this.bearer.authenticate(token)).principal;
  }
}
