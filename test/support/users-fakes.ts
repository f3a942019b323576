// In-memory stand-ins for the users services' collaborators, for unit tests (no database, no Redis).
import type { AuditEvent, AuditService } from '@app/audit';
import { NotFoundError, VersionConflictError, type AppConfig } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { Role } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { DataExportEntity, Principal, SessionRevocationReason, UserEntity, UserPreferencesEntity } from '@app/identity';
import type { JobEntity, JobErrorCode, JobName, JobProducer, TrackedJobRequest } from '@app/jobs';
import type { RoleChange, RoleChanges } from '../../apps/api/src/modules/auth/role-changes.service';
import type { SessionsRepository } from '../../apps/api/src/modules/auth/sessions.repository';
import { UsersRepository, type PreferenceChanges, type UserChanges, type UserListFilter } from '../../apps/api/src/modules/users/users.repository';
import { inFakeTransaction } from './fake-transaction';

let sequence = 0;
/** Distinct, increasing UUID-shaped ids, so "newest first" is predictable. */
export function fakeId(): string {
  sequence++;
  return `00000000-0000-7000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export function userRow(overrides: Partial<UserEntity> = {}): UserEntity {
  const now = new Date('2026-01-01T00:00:00.000Z');
  return Object.assign({} as UserEntity, {
    id: fakeId(),
    email: `user${sequence}@example.org`,
    emailVerifiedAt: now,
    passwordHash: 'hash',
    name: `User ${sequence}`,
    role: 'adopter' as Role,
    status: 'active',
    phone: null,
    city: null,
    bio: null,
    twoFactorSecret: null,
    twoFactorPendingSecret: null,
    twoFactorEnabledAt: null,
    deletionRequestedAt: null,
    deletionJobId: null,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  });
}

export const principalOf = (user: Pick<UserEntity, 'id' | 'role'>): Principal => ({ userId: user.id, role: user.role, sessionId: fakeId() });

const byNewest = (a: KeysetPosition, b: KeysetPosition) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Applies changes in memory with the same version rule as updateWithVersion; a failed transaction is rolled back. */
export class InMemoryUsersRepository extends UsersRepository {
  users = new Map<string, UserEntity>();
  preferences = new Map<string, UserPreferencesEntity>();
  jobs: JobEntity[] = [];
  exports = new Map<string, DataExportEntity>();

  add(...users: UserEntity[]): this {
    for (const user of users) this.users.set(user.id, user);
    return this;
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inFakeTransaction(this, ['users', 'preferences', 'jobs', 'exports'], work);
  }

  async findById(id: string) {
    return structuredClone(this.users.get(id) ?? null);
  }

  async lockById(_tx: TransactionContext, id: string) {
    return this.findById(id);
  }

  private matching(filter: UserListFilter): UserEntity[] {
    const text = filter.text?.toLowerCase();
    return [...this.users.values()].filter(
      (u) =>
        (!filter.roles?.length || filter.roles.includes(u.role)) &&
        (!filter.statuses?.length || filter.statuses.includes(u.status)) &&
        (text === undefined || u.name.toLowerCase().includes(text) || u.email.toLowerCase().includes(text)) &&
        (!filter.createdFrom || u.createdAt >= filter.createdFrom) &&
        (!filter.createdTo || u.createdAt < filter.createdTo),
    );
  }

  async list(filter: UserListFilter, after: KeysetPosition | null, limit: number) {
    return this.matching(filter)
      .sort(byNewest)
      .filter((u) => !after || byNewest(after, u) < 0)
      .slice(0, limit)
      .map((u) => structuredClone(u));
  }

  async count(filter: UserListFilter) {
    return this.matching(filter).length;
  }

  async update(_tx: TransactionContext, id: string, expectedVersion: number, changes: UserChanges) {
    const user = this.users.get(id);
    if (!user) throw new NotFoundError('User', id);
    if (user.version !== expectedVersion) throw new VersionConflictError('User', user.version);
    Object.assign(user, changes, { version: user.version + 1, updatedAt: new Date() });
  }

  async lockOtherActiveSuperAdmins(_tx: TransactionContext, exceptId: string) {
    return [...this.users.values()].filter((u) => u.role === 'super_admin' && u.status === 'active' && u.id !== exceptId).length;
  }

  async findPreferences(userId: string) {
    return structuredClone(this.preferences.get(userId) ?? null);
  }

  async createDefaultPreferences(userId: string, defaults: PreferenceChanges) {
    if (this.preferences.has(userId)) return;
    const now = new Date();
    this.preferences.set(userId, Object.assign({} as UserPreferencesEntity, structuredClone(defaults), { userId, version: 1, createdAt: now, updatedAt: now }));
  }

  async updatePreferences(_tx: TransactionContext, userId: string, expectedVersion: number, changes: PreferenceChanges) {
    const row = this.preferences.get(userId);
    if (!row) throw new NotFoundError('Preferences', userId);
    if (row.version !== expectedVersion) throw new VersionConflictError('Preferences', row.version);
    Object.assign(row, structuredClone(changes), { version: row.version + 1, updatedAt: new Date() });
  }

  async findUnfinishedExportJob(_tx: TransactionContext, userId: string) {
    return this.jobs.find((j) => j.createdBy === userId && j.type === 'privacy.export-user-data' && (j.status === 'queued' || j.status === 'running')) ?? null;
  }

  async findDataExport(jobId: string) {
    return structuredClone(this.exports.get(jobId) ?? null);
  }

  async cancelQueuedJob(_tx: TransactionContext, jobId: string, errorCode: JobErrorCode) {
    const job = this.jobs.find((j) => j.id === jobId && j.status === 'queued');
    if (job) Object.assign(job, { status: 'failed', errorCode, finishedAt: new Date() });
  }
}

/** Records tracked jobs into the repository's `jobs` (as the real producer writes the `jobs` table). */
export class FakeJobProducer {
  requests: Array<TrackedJobRequest<JobName> & { id: string }> = [];
  removed: string[] = [];

  constructor(private readonly repository: InMemoryUsersRepository) {}

  async createTracked<N extends JobName>(_tx: TransactionContext, request: TrackedJobRequest<N>): Promise<JobEntity> {
    const id = fakeId();
    this.requests.push({ ...(request as TrackedJobRequest<JobName>), id });
    const job = Object.assign({} as JobEntity, { id, type: request.name, status: 'queued', payload: request.payload, createdBy: request.createdBy });
    this.repository.jobs.push(job);
    return job;
  }

  async removeWaiting(_name: JobName, jobId: string): Promise<boolean> {
    this.removed.push(jobId);
    return true;
  }

  asProducer(): JobProducer {
    return this as unknown as JobProducer;
  }
}

export class FakeAudit {
  events: AuditEvent[] = [];
  async record(_tx: TransactionContext | null, event: AuditEvent): Promise<void> {
    this.events.push(structuredClone(event));
  }
  asService(): AuditService {
    return this as unknown as AuditService;
  }
}

/** Counts live sessions per user; revoking ends them all. */
export class FakeSessions {
  live = new Map<string, number>();
  revocations: Array<{ userId: string; reason: SessionRevocationReason; keepSessionId?: string; options?: { endAccessTokens?: boolean } }> = [];
  async revokeAllForUser(
    _tx: unknown,
    userId: string,
    reason: SessionRevocationReason,
    keepSessionId?: string,
    options?: { endAccessTokens?: boolean },
  ): Promise<number> {
    this.revocations.push({ userId, reason, keepSessionId, options });
    const count = this.live.get(userId) ?? 0;
    this.live.set(userId, 0);
    return count;
  }
  asRepository(): SessionsRepository {
    return this as unknown as SessionsRepository;
  }
}

/** Where a test keeps its accounts' roles (a repository's rows, a map). */
export interface RoleStore {
  roleOf(userId: string): Role | undefined;
  setRole(userId: string, role: Role): void;
}

/** Applies role changes to the test's store like RoleChanges (only from the expected role) and records them. */
export class FakeRoleChanges {
  changes: RoleChange[] = [];
  constructor(private readonly store: RoleStore) {}

  static over(roles: Map<string, Role>): FakeRoleChanges {
    return new FakeRoleChanges({ roleOf: (id) => roles.get(id), setRole: (id, role) => roles.set(id, role) });
  }

  async change(_tx: TransactionContext, change: RoleChange): Promise<boolean> {
    if (change.from === change.to || this.store.roleOf(change.userId) !== change.from) return false;
    this.store.setRole(change.userId, change.to);
    this.changes.push(structuredClone(change));
    return true;
  }

  asService(): RoleChanges {
    return this as unknown as RoleChanges;
  }
}

export const fakeConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({ ACCOUNT_DELETION_GRACE_SECONDS: 30 * 24 * 3600, ...overrides }) as AppConfig;
