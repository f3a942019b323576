// Binds a controller method to one operation of the contract: route, method, success status and the
// Swagger description all come from the generated metadata, so a handler cannot drift from the contract.
import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ContractOperation } from '@app/contracts';

export const API_PREFIX = 'api/v1';
export const CONTRACT_OPERATION = 'contract:operation';

/** Contract paths are absolute (`/api/v1/features/{feature}`); Nest routes are relative to the global prefix. */
export function nestRouteOf(contractPath: string): string {
  const withoutPrefix = contractPath.startsWith(`/${API_PREFIX}/`) ? contractPath.slice(API_PREFIX.length + 1) : contractPath;
  return withoutPrefix.replace(/\{([^}]+)\}/g, ':$1');
}

export function ContractRoute(operation: ContractOperation): MethodDecorator {
  const decorators = [
    SetMetadata(CONTRACT_OPERATION, operation),
    RequestMapping({ path: nestRouteOf(operation.path), method: RequestMethod[operation.method] }),
    HttpCode(operation.successStatus),
    ApiOperation({ operationId: operation.operationId, summary: operation.summary }),
    ApiTags(...operation.tags),
    ...operation.responses.map((response) =>
      ApiResponse({ status: response.status, description: String(response.status), ...(response.type ? { type: response.type } : {}) }),
    ),
  ];
  if (operation.security.includes('bearerAuth')) decorators.push(ApiBearerAuth('bearerAuth'));
  return applyDecorators(...decorators);
}
