import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { requestContext, ValidationFailedError } from '@app/common';
import type { ChangePasswordRequestDto, ResetPasswordRequestDto } from '@app/contracts';
import { inTransaction } from '@app/database';
import type { Principal, UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { AuthMailer } from './auth-mailer';
import { EmailTokensRepository } from './email-tokens.repository';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { normaliseEmail, randomToken, sha256Hex } from './secrets';
import { SessionsRepository } from './sessions.repository';
import { invalidCredentials } from './sign-in.service';

export const RESET_TOKEN_TTL_SECONDS = 3600;
/** At most one reset mail per account in this time, however often someone asks. */
const RESET_MAIL_COOLDOWN_SECONDS = 60;

const invalidResetToken = () =>
  new ValidationFailedError([{ field: 'token', constraints: { valid: 'The link is invalid, expired or was already used; ask for a new one.' } }]);

/** Forgotten, reset and changed passwords. Both changes end other sessions (ASVS 7.4.3) and mail the owner. */
@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly emailTokens: EmailTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly mailer: AuthMailer,
  ) {}

  /** Answers the same whether or not the address is registered; only a registered, usable one gets a link. */
  async requestReset(rawEmail: string): Promise<void> {
    const user = await this.accounts.findByEmail(normaliseEmail(rawEmail));
    if (!user || (user.status !== 'active' && user.status !== 'pending_deletion')) return;
    if (!(await this.mailer.cooldownPassed('password-reset', user.id, RESET_MAIL_COOLDOWN_SECONDS))) return;
    const token = randomToken();
    const tokenHash = sha256Hex(token);
    await inTransaction(this.dataSource, async (tx) => {
      await this.emailTokens.create(tx.manager, { userId: user.id, purpose: 'reset_password', tokenHash, ttlSeconds: RESET_TOKEN_TTL_SECONDS });
      await this.audit.record(tx, { action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, actorId: null });
      tx.afterCommit(() =>
        this.mailer.send({
          template: 'password-reset',
          to: user.email,
          userId: user.id,
          params: { token, name: user.name },
          dedupeKey: tokenHash.slice(0, 32),
        }),
      );
    });
  }

  /**
   * Spends the token, sets the password and revokes every session. The link proved the address, so an
   * unverified account becomes verified, and the brute-force lock is lifted (the owner is back in control).
   */
  async reset(request: ResetPasswordRequestDto): Promise<void> {
    this.hasher.assertAcceptable(request.newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(request.newPassword);
    const user = await inTransaction(this.dataSource, async (tx) => {
      const userId = await this.emailTokens.consume(tx.manager, sha256Hex(request.token), 'reset_password');
      const account = userId ? await this.accounts.findById(userId, tx.manager) : null;
      if (!account || (account.status !== 'active' && account.status !== 'pending_deletion')) throw invalidResetToken();
      await this.accounts.setPasswordHash(tx.manager, account.id, passwordHash);
      await this.accounts.markEmailVerified(tx.manager, account.id);
      await this.emailTokens.spendAllForUser(tx.manager, account.id, 'reset_password');
      const revoked = await this.sessions.revokeAllForUser(tx, account.id, 'password_reset', undefined, { endAccessTokens: true });
      await this.audit.record(tx, {
        action: 'auth.password_reset',
        targetType: 'user',
        targetId: account.id,
        actorId: null,
        after: { revokedSessions: revoked },
      });
      return account;
    });
    await this.throttle.reset(user.email);
    await this.mailPasswordChanged(user);
  }

  /** Needs the current password (counted like a sign-in, so a stolen access token cannot guess it); keeps this session. */
  async change(principal: Principal, request: ChangePasswordRequestDto): Promise<void> {
    const user = await this.accounts.findById(principal.userId);
    if (!user) throw invalidCredentials();
    const wrongCurrent = () => new ValidationFailedError([{ field: 'currentPassword', constraints: { valid: 'The current password is wrong.' } }]);
    const locked = await this.throttle.isLocked(user.email);
    const matches = await this.hasher.verify(user.passwordHash, request.currentPassword);
    if (locked) throw wrongCurrent();
    if (!matches) {
      await this.throttle.recordFailure(user.email, requestContext.get()?.ip ?? null);
      throw wrongCurrent();
    }
    this.hasher.assertAcceptable(request.newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(request.newPassword);
    await inTransaction(this.dataSource, async (tx) => {
      await this.accounts.setPasswordHash(tx.manager, user.id, passwordHash);
      // A reset link sent before the change must not undo it.
      await this.emailTokens.spendAllForUser(tx.manager, user.id, 'reset_password');
      const revoked = await this.sessions.revokeAllForUser(tx, user.id, 'password_changed', principal.sessionId, { endAccessTokens: true });
      await this.audit.record(tx, { action: 'auth.password_changed', targetType: 'user', targetId: user.id, after: { revokedSessions: revoked } });
    });
    await this.mailPasswordChanged(user);
  }

  private mailPasswordChanged(user: UserEntity): Promise<void> {
    return this.mailer.send({
      template: 'password-changed',
      to: user.email,
      userId: user.id,
      params: { name: user.name, time: new Date().toISOString() },
      dedupeKey: `${user.id}-${Date.now()}`,
    });
  }
}
