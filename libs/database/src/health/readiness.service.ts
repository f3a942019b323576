import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, RedisClient, ShutdownState } from '@app/common';
import type { HealthStatusDto } from '@app/contracts';
import type { DataSource } from 'typeorm';

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} timed out`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Probes shared by the api and the worker. Liveness never touches a dependency; readiness pings MySQL and
 * Redis, checks the schema is current, and fails at once while the process drains for shutdown.
 */
@Injectable()
export class ReadinessService {
  private migrationsApplied = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly shutdown: ShutdownState,
  ) {}

  liveness(): HealthStatusDto {
    return { status: 'ok', checks: {} };
  }

  async readiness(): Promise<HealthStatusDto> {
    if (this.shutdown.draining) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Shutting down.', { checks: { shutdown: 'draining' } });
    }
    const [database, redis, migrations] = await Promise.allSettled([
      withTimeout(this.dataSource.query('SELECT 1'), 'database'),
      withTimeout(this.redis.ping(), 'redis'),
      this.checkMigrations(),
    ]);
    const checks = {
      database: database.status === 'fulfilled' ? 'up' : 'down',
      redis: redis.status === 'fulfilled' ? 'up' : 'down',
      migrations: migrations.status === 'fulfilled' && migrations.value ? 'up' : 'down',
    } as const;
    const failing = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
    if (failing.length > 0) {
      throw new DomainError('SERVICE_UNAVAILABLE', `Not ready: ${failing.join(', ')} unavailable.`, { checks });
    }
    return { status: 'ok', checks: { database: 'up', redis: 'up', migrations: 'up' } };
  }

  /** Applied migrations never become unapplied while we run, so one positive answer is kept. */
  private async checkMigrations(): Promise<boolean> {
    if (!this.migrationsApplied) {
      this.migrationsApplied = !(await withTimeout(this.dataSource.showMigrations(), 'migrations'));
    }
    return this.migrationsApplied;
  }
}
