import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@app/identity';
import type { AuthenticatedRequest } from '../auth/authorization';

/**
 * The caller of a public operation: the principal the auth guard recognised from a valid token, or null for an
 * anonymous caller. Public pet operations answer more (drafts, full medical records) to the owner side.
 */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null => context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
