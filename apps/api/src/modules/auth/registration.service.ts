import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { newId, ValidationFailedError } from '@app/common';
import type { RegisterRequestDto } from '@app/contracts';
import { inTransaction, isDuplicateKey, type TransactionContext } from '@app/database';
import type { UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { AuthMailer } from './auth-mailer';
import { EmailTokensRepository } from './email-tokens.repository';
import { PasswordHasher } from './password-hasher';
import { normaliseEmail, randomToken, sha256Hex } from './secrets';

export const VERIFY_TOKEN_TTL_SECONDS = 24 * 3600;
const VERIFY_MAIL_COOLDOWN_SECONDS = 60;
/** Someone registering an address that has an account gets one notice an hour at most: no inbox flooding. */
const ACCOUNT_EXISTS_COOLDOWN_SECONDS = 3600;

const invalidVerifyToken = () =>
  new ValidationFailedError([{ field: 'token', constraints: { valid: 'The link is invalid, expired or was already used; ask for a new one.' } }]);

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string;
}

/** Sign-up and e-mail verification. Every answer is the same 202 whether or not the address is taken. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly emailTokens: EmailTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly mailer: AuthMailer,
  ) {}

  /**
   * The account to register, prepared outside any transaction: the password hash takes ~40 ms that should hold no
   * connection. Hashed whether or not the address is taken, so the answer takes as long either way (no
   * enumeration by timing).
   */
  async prepare(request: RegisterRequestDto): Promise<NewAccount> {
    this.hasher.assertAcceptable(request.password);
    return { email: normaliseEmail(request.email), name: request.name, passwordHash: await this.hasher.hash(request.password) };
  }

  async verifyEmail(token: string): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const userId = await this.emailTokens.consume(tx.manager, sha256Hex(token), 'verify_email');
      if (!userId) throw invalidVerifyToken();
      await this.accounts.markEmailVerified(tx.manager, userId);
      await this.audit.record(tx, { action: 'auth.email_verified', targetType: 'user', targetId: userId, actorId: userId });
    });
  }

  /** Always accepted; a mail goes out only for a registered, unverified address, at most once a minute. */
  async resendVerification(rawEmail: string): Promise<void> {
    const user = await this.accounts.findByEmail(normaliseEmail(rawEmail));
    if (!user || user.emailVerifiedAt !== null || user.status !== 'active') return;
    if (!(await this.mailer.cooldownPassed('verify-email', user.id, VERIFY_MAIL_COOLDOWN_SECONDS))) return;
    await inTransaction(this.dataSource, (tx) => this.sendVerification(tx, user));
  }

  /** Creates the account and mails its verification link; for a taken address, mails its owner a notice instead. */
  async register(tx: TransactionContext, account: NewAccount): Promise<void> {
    const existing = await this.accounts.findByEmail(account.email, tx.manager);
    if (existing) return this.noticeExisting(tx, existing);
    const id = newId();
    try {
      await this.accounts.insert(tx.manager, {
        id,
        email: account.email,
        name: account.name,
        passwordHash: account.passwordHash,
        role: 'adopter',
        emailVerifiedAt: null,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // A concurrent sign-up of the same address won the unique index.
      const winner = await this.accounts.findByEmail(account.email, tx.manager);
      if (winner) return this.noticeExisting(tx, winner);
      throw error;
    }
    const user = await this.accounts.findById(id, tx.manager);
    await this.audit.record(tx, { action: 'auth.registered', targetType: 'user', targetId: id, actorId: id, after: { role: 'adopter' } });
    await this.sendVerification(tx, user!);
  }

  private async sendVerification(tx: TransactionContext, user: UserEntity): Promise<void> {
    const token = randomToken();
    const tokenHash = sha256Hex(token);
    await this.emailTokens.create(tx.manager, { userId: user.id, purpose: 'verify_email', tokenHash, ttlSeconds: VERIFY_TOKEN_TTL_SECONDS });
    tx.afterCommit(() =>
      this.mailer.send({ template: 'verify-email', to: user.email, userId: user.id, params: { token, name: user.name }, dedupeKey: tokenHash.slice(0, 32) }),
    );
  }

  private noticeExisting(tx: TransactionContext, user: UserEntity): void {
    tx.afterCommit(async () => {
      if (!(await this.mailer.cooldownPassed('account-exists', user.id, ACCOUNT_EXISTS_COOLDOWN_SECONDS))) return;
      await this.mailer.send({
        template: 'account-exists',
        to: user.email,
        userId: user.id,
        params: { name: user.name },
        dedupeKey: `${user.id}-${Date.now()}`,
      });
    });
  }
}
