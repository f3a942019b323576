import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, newId } from '@app/common';
import { inTransaction, isDuplicateKey } from '@app/database';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';
import { normaliseEmail } from './secrets';

/**
 * The first administrator: at start-up, when BOOTSTRAP_ADMIN_EMAIL and _PASSWORD are set and no super_admin
 * exists, creates that account verified. Safe when several replicas start at once: the unique e-mail index lets
 * one insert win and the others find the address taken. An existing account with that address is never promoted
 * (someone could have registered it first); that case is logged and left to an operator.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const rawEmail = this.config.BOOTSTRAP_ADMIN_EMAIL;
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!rawEmail || !password) return;
    if (await this.accounts.anyWithRole('super_admin')) return;
    const email = normaliseEmail(rawEmail);
    const passwordHash = await this.hasher.hash(password);
    const id = newId();
    try {
      await inTransaction(this.dataSource, async (tx) => {
        await this.accounts.insert(tx.manager, { id, email, name: 'Administrator', passwordHash, role: 'super_admin', emailVerifiedAt: new Date() });
        await this.audit.record(tx, {
          action: 'auth.bootstrap_admin_created',
          targetType: 'user',
          targetId: id,
          actorId: null,
          after: { role: 'super_admin' },
        });
      });
      this.logger.log({ userId: id }, 'created the bootstrap super_admin');
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.accounts.findByEmail(email);
      if (existing?.role !== 'super_admin') {
        this.logger.warn({ userId: existing?.id }, 'BOOTSTRAP_ADMIN_EMAIL belongs to an account that is not a super_admin; it was left unchanged');
      }
    }
  }
}
