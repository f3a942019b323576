import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission, Principal } from '@app/identity';
import type { FastifyRequest } from 'fastify';

export const REQUIRED_PERMISSION = 'auth:required-permission';

/** The permission an operation needs beyond being signed in (see ROLE_PERMISSIONS). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The verified caller of a secured operation. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an operation without security');
  return principal;
});

/**
 * The caller of a public operation: the principal the auth guard recognised from a valid token, or null for an
 * anonymous caller. Public operations answer more (drafts, full medical records) to the owner side.
 */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null => context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
