import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { CONTRACT_OPERATION } from './contract-operation.decorator';
import type { ContractOperation } from '@app/contracts';
import type { FastifyRequest } from 'fastify';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Operations with a request body take application/json only (415 otherwise, ASVS 4 13.1.5). Fastify also parses
 * text/plain, which a cross-site form can send without a CORS preflight: refusing it keeps the cookie-based
 * refresh out of reach of such forms, on top of SameSite=Strict. Registered globally by the api's bootstrap; it
 * reads only the contract metadata of the handler.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const operation = this.reflector.get<ContractOperation | undefined>(CONTRACT_OPERATION, context.getHandler());
    if (!operation?.body) return true;
    const contentType = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    if (typeof contentType === 'string' && JSON_MEDIA_TYPE.test(contentType)) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type; send application/json.');
  }
}
