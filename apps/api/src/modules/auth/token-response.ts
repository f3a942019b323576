import type { RefreshTokenTransport, TokenPairDto } from '@app/contracts';
import type { FastifyReply } from 'fastify';
import { refreshCookie } from './refresh-cookie';
import type { IssuedTokens } from './session-tokens.service';

/**
 * Puts issued tokens on the wire: the refresh token in the body (mobile, servers) or only in the httpOnly cookie
 * (browsers, where scripts must never see it). Responses carrying tokens are never cached.
 */
export function sendTokens(reply: FastifyReply, tokens: IssuedTokens, transport: RefreshTokenTransport): TokenPairDto {
  void reply.header('cache-control', 'no-store');
  const pair: TokenPairDto = {
    tokenType: 'Bearer',
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
    sessionId: tokens.sessionId,
  };
  if (transport === 'cookie') void reply.header('set-cookie', refreshCookie(tokens.refreshToken, tokens.refreshTokenExpiresAt));
  else pair.refreshToken = tokens.refreshToken;
  return pair;
}
