import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, DomainError } from '@app/common';
import { AuditService } from '@app/audit';
import { inTransaction, type TransactionContext } from '@app/database';
import type { AuthSessionEntity, UserEntity } from '@app/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { AccountsRepository } from './accounts.repository';
import { AuthMailer } from './auth-mailer';
import type { ClientInfo } from './client-info';
import { randomToken, sha256Hex } from './secrets';
import { SessionsRepository } from './sessions.repository';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  sessionId: string;
}

/** Statuses that may hold a session: a pending deletion may still sign in, to cancel it. */
const SIGN_IN_STATUSES: ReadonlySet<UserEntity['status']> = new Set(['active', 'pending_deletion']);

export function maySignIn(user: UserEntity): boolean {
  return SIGN_IN_STATUSES.has(user.status) && user.emailVerifiedAt !== null;
}

export const invalidRefreshToken = () => new DomainError('UNAUTHENTICATED', 'The refresh token is invalid or expired; sign in again.');

type RotationOutcome = { kind: 'rotated'; tokens: IssuedTokens } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * Sessions and their tokens: a new session (and a new refresh token) on every sign-in (ASVS 7.2.4), and the
 * rotation of refresh tokens with reuse detection, idle timeout and absolute lifetime (RFC 9700 §4.14.2).
 */
@Injectable()
export class SessionTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly accounts: AccountsRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
    private readonly mailer: AuthMailer,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for a user who just proved who they are; mails a notice when the device is new. */
  async open(tx: TransactionContext, user: UserEntity, client: ClientInfo): Promise<IssuedTokens> {
    const history = await this.sessions.deviceHistory(tx.manager, user.id, client.device, client.ip);
    const session = await this.sessions.insertSession(tx.manager, {
      userId: user.id,
      device: client.device,
      ip: client.ip,
      maxAgeSeconds: this.config.SESSION_MAX_AGE_SECONDS,
    });
    await this.accounts.touchLastLogin(tx.manager, user.id);
    // The first session of an account is not news; a device and address pair never seen before is.
    if (history.anySession && !history.seenDevice) {
      tx.afterCommit(() =>
        this.mailer.send({
          template: 'new-device-login',
          to: user.email,
          userId: user.id,
          params: { name: user.name, device: client.device, ip: client.ip ?? 'unknown', time: session.createdAt.toISOString() },
          dedupeKey: session.id,
        }),
      );
    }
    return this.issue(tx.manager, user, session);
  }

  /** Spends `refreshToken` and returns a new pair; a spent token presented again revokes its whole session. */
  async rotate(refreshToken: string): Promise<IssuedTokens> {
    const tokenHash = sha256Hex(refreshToken);
    const outcome = await inTransaction(this.dataSource, async (tx): Promise<RotationOutcome> => {
      if (!(await this.sessions.spendRefreshToken(tx.manager, tokenHash))) {
        const known = await this.sessions.findRefreshToken(tx.manager, tokenHash);
        if (!known?.usedAt) return { kind: 'invalid' };
        // Replay of a spent token: either the client or a thief holds a copy, and we cannot tell which.
        const session = await this.sessions.findSession(tx.manager, known.sessionId);
        if (session && (await this.sessions.revokeOne(tx, session.userId, session.id, 'refresh_reuse'))) {
          await this.audit.record(tx, {
            action: 'auth.refresh_token_reused',
            targetType: 'user',
            targetId: session.userId,
            actorId: null,
            after: { sessionId: session.id, revokedReason: 'refresh_reuse' },
          });
        }
        return { kind: 'reused' };
      }
      const token = await this.sessions.findRefreshToken(tx.manager, tokenHash);
      const session = token && (await this.sessions.findSession(tx.manager, token.sessionId));
      if (!session || session.revokedAt !== null || session.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
      // Role and status are read now, so a deactivation or a role change bites at the next refresh.
      const user = await this.accounts.findById(session.userId, tx.manager);
      if (!user || !maySignIn(user)) return { kind: 'invalid' };
      await this.sessions.touchSession(tx.manager, session.id);
      return { kind: 'rotated', tokens: await this.issue(tx.manager, user, session) };
    });
    if (outcome.kind !== 'rotated') throw invalidRefreshToken();
    return outcome.tokens;
  }

  private async issue(manager: EntityManager, user: UserEntity, session: AuthSessionEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    const idleEnd = Date.now() + this.config.REFRESH_IDLE_TIMEOUT_SECONDS * 1000;
    const refreshTokenExpiresAt = new Date(Math.min(idleEnd, session.expiresAt.getTime()));
    await this.sessions.insertRefreshToken(manager, { sessionId: session.id, tokenHash: sha256Hex(refreshToken), expiresAt: refreshTokenExpiresAt });
    const access = this.accessTokens.issue({ userId: user.id, role: user.role, sessionId: session.id });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, sessionId: session.id };
  }
}
