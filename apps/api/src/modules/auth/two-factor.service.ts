import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, DomainError, requestContext, ValidationFailedError } from '@app/common';
import type { BackupCodesDto, TwoFactorSetupDto } from '@app/contracts';
import { inTransaction, type TransactionContext } from '@app/database';
import type { Principal, UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { BackupCodesRepository } from './backup-codes.repository';
import { LoginThrottle } from './login-throttle.service';
import { newBackupCode, sha256Hex } from './secrets';
import { SessionsRepository } from './sessions.repository';
import { decryptSecret, encryptSecret, newTotpSecret, otpauthUri, verifyTotp } from './totp';
import { TwoFactorChallenges } from './two-factor-challenges';

export const BACKUP_CODE_COUNT = 10;

export type SecondFactor = 'totp' | 'backup_code';

export interface SecondFactorProof {
  code?: string;
  backupCode?: string;
}

/** Exactly one of code and backup code: the DTO allows both to be absent, the operation does not. */
export function assertOneSecondFactor(proof: SecondFactorProof): void {
  if ((proof.code === undefined) === (proof.backupCode === undefined)) {
    throw new ValidationFailedError([{ field: 'code', constraints: { exactlyOne: 'Give either code or backupCode.' } }]);
  }
}

const wrongCode = (field: 'code' | 'backupCode') => new ValidationFailedError([{ field, constraints: { valid: 'The code is wrong or was already used.' } }]);

/** TOTP enrolment, backup codes and the check of a second factor (RFC 6238; secrets AES-GCM encrypted at rest). */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly backupCodes: BackupCodesRepository,
    private readonly sessions: SessionsRepository,
    private readonly challenges: TwoFactorChallenges,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async setUp(principal: Principal): Promise<TwoFactorSetupDto> {
    const user = await this.currentUser(principal);
    if (user.twoFactorSecret) throw new DomainError('CONFLICT', 'Two-factor sign-in is already enabled; disable it first.');
    const secret = newTotpSecret();
    await this.accounts.setPendingTwoFactorSecret(this.dataSource.manager, user.id, encryptSecret(secret, this.config.TOTP_ENCRYPTION_KEY));
    return { secret, otpauthUri: otpauthUri(secret, user.email, this.config.PRODUCT_NAME) };
  }

  /**
   * Ends the account's other sessions (refresh tokens and access tokens at once): a session opened before the
   * second factor existed, perhaps by whoever made the owner turn it on, must not outlive it. This one is kept.
   */
  async enable(principal: Principal, code: string): Promise<BackupCodesDto> {
    const user = await this.currentUser(principal);
    if (user.twoFactorSecret) throw new DomainError('CONFLICT', 'Two-factor sign-in is already enabled.');
    const pending = user.twoFactorPendingSecret;
    if (!pending) throw new DomainError('CONFLICT', 'Start the setup first (POST /auth/2fa/setup).');
    if (!verifyTotp(this.decrypt(pending), code) || !(await this.challenges.claimTotpCode(user.id, code))) throw wrongCode('code');

    const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.accounts.enableTwoFactor(tx.manager, user.id, pending))) {
        throw new DomainError('CONFLICT', 'The two-factor setup changed meanwhile; start it again.');
      }
      await this.backupCodes.replaceAll(tx.manager, user.id, codes.map(sha256Hex));
      const revoked = await this.sessions.revokeAllForUser(tx, user.id, 'two_factor_enabled', principal.sessionId, { endAccessTokens: true });
      await this.audit.record(tx, { action: 'auth.2fa_enabled', targetType: 'user', targetId: user.id, after: { revokedSessions: revoked } });
    });
    return { codes };
  }

  async disable(principal: Principal, proof: SecondFactorProof): Promise<void> {
    assertOneSecondFactor(proof);
    const user = await this.currentUser(principal);
    if (!user.twoFactorSecret) throw new DomainError('CONFLICT', 'Two-factor sign-in is not enabled.');
    // Guessing codes with a stolen access token counts against the account like guessing passwords.
    if (await this.throttle.isLocked(user.email)) throw wrongCode(proof.code !== undefined ? 'code' : 'backupCode');
    const factor = await inTransaction(this.dataSource, async (tx) => {
      const matched = await this.check(tx, user, proof);
      if (!matched) return null;
      await this.accounts.disableTwoFactor(tx.manager, user.id);
      await this.backupCodes.deleteAll(tx.manager, user.id);
      await this.audit.record(tx, { action: 'auth.2fa_disabled', targetType: 'user', targetId: user.id, after: { secondFactor: matched } });
      return matched;
    });
    if (!factor) {
      await this.throttle.recordFailure(user.email, requestContext.get()?.ip ?? null);
      throw wrongCode(proof.code !== undefined ? 'code' : 'backupCode');
    }
  }

  /**
   * Checks a TOTP code (each accepted once) or spends a backup code within `tx`, so a sign-in that fails
   * later gives the backup code back. Returns which factor matched, or null.
   */
  async check(tx: TransactionContext, user: UserEntity, proof: SecondFactorProof): Promise<SecondFactor | null> {
    if (!user.twoFactorSecret) return null;
    if (proof.code !== undefined) {
      const valid = verifyTotp(this.decrypt(user.twoFactorSecret), proof.code);
      return valid && (await this.challenges.claimTotpCode(user.id, proof.code)) ? 'totp' : null;
    }
    if (proof.backupCode !== undefined) {
      return (await this.backupCodes.consume(tx.manager, user.id, sha256Hex(proof.backupCode))) ? 'backup_code' : null;
    }
    return null;
  }

  private decrypt(sealed: string): string {
    return decryptSecret(sealed, this.config.TOTP_ENCRYPTION_KEY);
  }

  private async currentUser(principal: Principal): Promise<UserEntity> {
    const user = await this.accounts.findById(principal.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The account no longer exists.');
    return user;
  }
}
