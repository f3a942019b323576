import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, DomainError, newId } from '@app/common';
import type { Role } from '@app/contracts';
import { ROLES, type Principal } from '@app/identity';

const ALGORITHM = 'HS256';
/** RFC 9068 access-token type, in the header and as a claim, so no other JWT of ours passes as one. */
const TOKEN_TYPE = 'at+jwt';

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
  typ: typeof TOKEN_TYPE;
}

/**
 * The JwtService options access tokens need: the secret as a prepared key object. Given a string, jsonwebtoken
 * first tries (and fails) to parse it as a public key on every sign and verify, ~0.5 ms of CPU each
 * (docs/realtime.md, Benchmark).
 */
export const accessTokenJwtOptions = (config: Pick<AppConfig, 'JWT_SECRET'>) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) });

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs and verifies access tokens: HS256 only, with issuer, audience, expiry, not-before and type checked. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(principal: Principal): IssuedAccessToken {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessClaims = { sub: principal.userId, sid: principal.sessionId, role: principal.role, typ: TOKEN_TYPE };
    const token = this.jwt.sign(claims, {
      algorithm: ALGORITHM,
      header: { alg: ALGORITHM, typ: TOKEN_TYPE },
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      expiresIn: ttl,
      notBefore: 0,
      jwtid: newId(),
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** Throws UNAUTHENTICATED for anything but a valid, current access token of ours. */
  verify(token: string): Principal {
    return this.verifyWithExpiry(token).principal;
  }

  /** verify(), with the token's expiry (a real-time socket closes when its token does). */
  verifyWithExpiry(token: string): { principal: Principal; expiresAt: Date } {
    let claims: Partial<AccessClaims> & { [key: string]: unknown };
    try {
      const decoded = this.jwt.decode(token, { complete: true }) as { header?: { typ?: string } } | null;
      if (decoded?.header?.typ !== TOKEN_TYPE) throw new Error('wrong token type');
      claims = this.jwt.verify(token, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is missing, invalid or expired.');
    }
    const valid =
      claims.typ === TOKEN_TYPE &&
      typeof claims.sub === 'string' &&
      typeof claims.sid === 'string' &&
      typeof claims.nbf === 'number' &&
      typeof claims.exp === 'number' &&
      (ROLES as readonly string[]).includes(String(claims.role));
    if (!valid) throw new DomainError('UNAUTHENTICATED', 'The access token is missing, invalid or expired.');
    return { principal: { userId: claims.sub!, sessionId: claims.sid!, role: claims.role! }, expiresAt: new Date((claims.exp as number) * 1000) };
  }
}
