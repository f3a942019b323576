import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import type { LoginRequestDto, TwoFactorLoginRequestDto, UserDto } from '@app/contracts';
import { inTransaction } from '@app/database';
import type { Principal, UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { AuthMailer } from './auth-mailer';
import type { ClientInfo } from './client-info';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { normaliseEmail } from './secrets';
import { maySignIn, SessionTokens, type IssuedTokens } from './session-tokens.service';
import { SessionsRepository } from './sessions.repository';
import { assertOneSecondFactor, TwoFactorService } from './two-factor.service';
import { TwoFactorChallenges } from './two-factor-challenges';
import { toUserDto } from '@app/identity';

export type LoginOutcome =
  { status: 'authenticated'; tokens: IssuedTokens } | { status: 'two_factor_required'; challengeToken: string; challengeExpiresAt: Date };

type FailureReason = 'unknown_account' | 'wrong_password' | 'not_verified' | 'inactive' | 'wrong_second_factor';

/**
 * One answer for every refused sign-in: unknown address, wrong password, unverified or deactivated account and
 * a locked account all get this, with the same status and body, after the same argon2 work (no enumeration,
 * ASVS 6.3.8). Clients say "wrong e-mail or password, or the address is not verified yet".
 */
export const invalidCredentials = () => new DomainError('UNAUTHENTICATED', 'The e-mail address or password is wrong.');
const invalidChallenge = () => new DomainError('UNAUTHENTICATED', 'The code is wrong or the sign-in expired; sign in again.');

class ChallengeSpentError extends Error {}

/** Sign-in with password and second factor, token refresh, sign-out and the caller's own account. */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly challenges: TwoFactorChallenges,
    private readonly twoFactor: TwoFactorService,
    private readonly sessionTokens: SessionTokens,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly mailer: AuthMailer,
  ) {}

  async login(request: LoginRequestDto, client: ClientInfo): Promise<LoginOutcome> {
    const email = normaliseEmail(request.email);
    await this.throttle.assertClientAllowed(client.ip);
    const user = await this.accounts.findByEmail(email);
    const locked = await this.throttle.isLocked(email);
    // Always one argon2 verification (against a dummy hash for unknown addresses), locked or not: equal timing.
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, request.password);

    if (locked) {
      // Not counted: attempts while locked do not test the password, and must not lengthen the lock.
      await this.audit.record(null, { action: 'auth.login_refused_locked', targetType: 'user', targetId: user?.id ?? null, actorId: null });
      throw invalidCredentials();
    }
    const reason: FailureReason | null = !user
      ? 'unknown_account'
      : !passwordMatches
        ? 'wrong_password'
        : user.emailVerifiedAt === null
          ? 'not_verified'
          : !maySignIn(user)
            ? 'inactive'
            : null;
    if (reason || !user) {
      await this.recordFailure(email, user, client, reason ?? 'unknown_account');
      throw invalidCredentials();
    }

    if (user.twoFactorSecret) {
      const challenge = await this.challenges.create({ userId: user.id, email, device: client.device, ip: client.ip });
      return { status: 'two_factor_required', challengeToken: challenge.token, challengeExpiresAt: challenge.expiresAt };
    }
    return { status: 'authenticated', tokens: await this.openSession(user, client, 'password') };
  }

  async completeTwoFactor(request: TwoFactorLoginRequestDto): Promise<IssuedTokens> {
    assertOneSecondFactor(request);
    const state = await this.challenges.attempt(request.challengeToken);
    if (!state || (await this.throttle.isLocked(state.email))) throw invalidChallenge();
    const user = await this.accounts.findById(state.userId);
    if (!user || !maySignIn(user) || !user.twoFactorSecret) throw invalidChallenge();
    const client: ClientInfo = { device: state.device, ip: state.ip };

    let tokens: IssuedTokens | null;
    try {
      tokens = await inTransaction(this.dataSource, async (tx) => {
        const factor = await this.twoFactor.check(tx, user, request);
        if (!factor) return null;
        // Spent inside the transaction: a concurrent use of the same challenge rolls this one back.
        if (!(await this.challenges.spend(request.challengeToken))) throw new ChallengeSpentError();
        const issued = await this.sessionTokens.open(tx, user, client);
        await this.audit.record(tx, {
          action: 'auth.login_succeeded',
          targetType: 'user',
          targetId: user.id,
          actorId: user.id,
          after: { sessionId: issued.sessionId, device: client.device, secondFactor: factor },
        });
        return issued;
      });
    } catch (error) {
      if (error instanceof ChallengeSpentError) throw invalidChallenge();
      throw error;
    }
    if (!tokens) {
      await this.recordFailure(state.email, user, client, 'wrong_second_factor');
      throw invalidChallenge();
    }
    await this.throttle.reset(state.email);
    return tokens;
  }

  refresh(refreshToken: string): Promise<IssuedTokens> {
    return this.sessionTokens.rotate(refreshToken);
  }

  async logout(principal: Principal): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      if (await this.sessions.revokeOne(tx, principal.userId, principal.sessionId, 'logout')) {
        await this.audit.record(tx, { action: 'auth.logout', targetType: 'user', targetId: principal.userId, after: { sessionId: principal.sessionId } });
      }
    });
  }

  async currentUser(principal: Principal): Promise<UserDto> {
    const user = await this.accounts.findById(principal.userId);
    if (!user || user.status === 'deleted') throw new DomainError('UNAUTHENTICATED', 'The account no longer exists.');
    return toUserDto(user);
  }

  private async openSession(user: UserEntity, client: ClientInfo, via: 'password'): Promise<IssuedTokens> {
    const tokens = await inTransaction(this.dataSource, async (tx) => {
      const issued = await this.sessionTokens.open(tx, user, client);
      await this.audit.record(tx, {
        action: 'auth.login_succeeded',
        targetType: 'user',
        targetId: user.id,
        actorId: user.id,
        after: { sessionId: issued.sessionId, device: client.device, via },
      });
      return issued;
    });
    await this.throttle.reset(user.email);
    return tokens;
  }

  private async recordFailure(email: string, user: UserEntity | null, client: ClientInfo, reason: FailureReason): Promise<void> {
    const { lockedForSeconds } = await this.throttle.recordFailure(email, client.ip);
    await this.audit.record(null, { action: 'auth.login_failed', targetType: 'user', targetId: user?.id ?? null, actorId: null, after: { reason } });
    if (lockedForSeconds === null) return;
    await this.audit.record(null, {
      action: 'auth.account_locked',
      targetType: 'user',
      targetId: user?.id ?? null,
      actorId: null,
      after: { seconds: lockedForSeconds },
    });
    // One mail per lock: only the failure that started the lock gets here.
    if (user) {
      await this.mailer.send({
        template: 'account-locked',
        to: user.email,
        userId: user.id,
        params: { name: user.name, minutes: String(Math.ceil(lockedForSeconds / 60)) },
        dedupeKey: `${user.id}-${Date.now()}`,
      });
    }
  }
}
