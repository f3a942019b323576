// In-memory stand-ins for the rescue services' collaborators, for unit tests (no database, no Redis). One store
// backs every fake repository, so a failed transaction rolls all of them back together.
import { NotFoundError, VersionConflictError } from '@app/common';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { Role, StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { MemberPromotionService } from '../../apps/api/src/modules/rescues/member-promotion.service';
import {
  type AccountSummary,
  DEFAULT_RESCUE_SETTINGS,
  type NamePosition,
  type NewInvitation,
  type NewRescue,
  type PetCountDimension,
  RescueAnalyticsRepository,
  type RescueChanges,
  type RescueEntity,
  type RescueListFilter,
  RescuesRepository,
  RescueStaffRepository,
  type StaffInvitationEntity,
  type StaffMemberRow,
} from '@app/catalog';
import type { StaffInvitationMail, StaffInvitationMailer } from '../../apps/api/src/modules/rescues/staff-invitation.mailer';
import { FakeAudit, FakeRoleChanges } from './users-fakes';
import { inFakeTransaction } from './fake-transaction';

let sequence = 0;
/** Distinct, increasing UUID-shaped ids. */
export function fakeId(): string {
  sequence++;
  return `00000000-0000-7000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

interface Membership {
  rescueId: string;
  userId: string;
  role: StaffRole;
  joinedAt: Date;
}

export class RescueStore {
  rescues = new Map<string, RescueEntity>();
  staff: Membership[] = [];
  invitations = new Map<string, StaffInvitationEntity>();
  accounts = new Map<string, AccountSummary>();

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inFakeTransaction(this, ['rescues', 'staff', 'invitations', 'accounts'], work);
  }

  /** An account, returned as a principal whose token carries the same role. */
  account(role: Role = 'adopter', overrides: Partial<AccountSummary> = {}): Principal {
    const id = overrides.id ?? fakeId();
    this.accounts.set(id, { id, email: `user-${id.slice(-4)}@example.org`, name: `User ${id.slice(-4)}`, role, emailVerifiedAt: new Date(), ...overrides });
    return { userId: id, role, sessionId: fakeId() };
  }

  rescue(overrides: Partial<RescueEntity> = {}): RescueEntity {
    const now = new Date('2026-01-01T00:00:00.000Z');
    const rescue = Object.assign({} as RescueEntity, {
      id: fakeId(),
      name: 'Rescue',
      description: '',
      email: 'rescue@example.org',
      phone: null,
      website: null,
      city: 'Leeds',
      region: 'West Yorkshire',
      postcode: 'LS1',
      country: 'GB',
      status: 'pending',
      verifiedAt: null,
      rejectionReason: null,
      settings: { ...DEFAULT_RESCUE_SETTINGS },
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
      ...overrides,
    });
    this.rescues.set(rescue.id, rescue);
    return rescue;
  }

  member(rescueId: string, principal: Principal, role: StaffRole, joinedAt = new Date()): void {
    this.staff.push({ rescueId, userId: principal.userId, role, joinedAt });
  }

  isActive(rescueId: string): boolean {
    const rescue = this.rescues.get(rescueId);
    return !!rescue && rescue.deletedAt === null;
  }
}

export class InMemoryRescuesRepository extends RescuesRepository {
  constructor(private readonly store: RescueStore) {
    super();
  }

  transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }

  async findActive(id: string) {
    return this.store.isActive(id) ? structuredClone(this.store.rescues.get(id)!) : null;
  }

  async lockActive(_tx: TransactionContext, id: string) {
    return this.findActive(id);
  }

  private matching(filter: RescueListFilter): RescueEntity[] {
    const text = filter.text?.toLowerCase();
    return [...this.store.rescues.values()].filter(
      (r) =>
        r.deletedAt === null &&
        r.status !== 'rejected' &&
        (text === undefined || r.name.toLowerCase().includes(text) || r.description.toLowerCase().includes(text)) &&
        (filter.city === undefined || r.city.toLowerCase() === filter.city.toLowerCase()) &&
        (filter.region === undefined || r.region.toLowerCase() === filter.region.toLowerCase()) &&
        (filter.verified === undefined || r.status === (filter.verified ? 'verified' : 'pending')),
    );
  }

  async list(filter: RescueListFilter, after: NamePosition | null, limit: number) {
    const order = (a: NamePosition, b: NamePosition) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return this.matching(filter)
      .sort(order)
      .filter((r) => !after || order(after, r) < 0)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }

  async count(filter: RescueListFilter) {
    return this.matching(filter).length;
  }

  async insert(_tx: TransactionContext, rescue: NewRescue) {
    this.store.rescue({ ...rescue, createdAt: new Date(), updatedAt: new Date() });
  }

  async update(_tx: TransactionContext, id: string, expectedVersion: number, changes: RescueChanges) {
    const rescue = this.store.rescues.get(id);
    if (!rescue) throw new NotFoundError('Rescue', id);
    if (rescue.version !== expectedVersion) throw new VersionConflictError('Rescue', rescue.version);
    Object.assign(rescue, structuredClone(changes), { version: rescue.version + 1, updatedAt: new Date() });
  }

  async findAccount(userId: string) {
    return structuredClone(this.store.accounts.get(userId) ?? null);
  }

  async findAccountByEmail(email: string) {
    return structuredClone([...this.store.accounts.values()].find((a) => a.email === email) ?? null);
  }
}

export class InMemoryRescueStaffRepository extends RescueStaffRepository {
  /** Rescues whose admins were locked, in order: the removal must lock before it decides. */
  lockedAdminsOf: string[] = [];

  constructor(private readonly store: RescueStore) {
    super();
  }

  private membership(rescueId: string, userId: string): Membership | undefined {
    return this.store.isActive(rescueId) ? this.store.staff.find((m) => m.rescueId === rescueId && m.userId === userId) : undefined;
  }

  private row(m: Membership): StaffMemberRow {
    const account = this.store.accounts.get(m.userId)!;
    return { rescueId: m.rescueId, userId: m.userId, role: m.role, joinedAt: m.joinedAt, name: account.name, email: account.email };
  }

  async roleOf(rescueId: string, userId: string) {
    return this.membership(rescueId, userId)?.role ?? null;
  }

  async rescueIdsOf(userId: string) {
    return this.store.staff.filter((m) => m.userId === userId && this.store.isActive(m.rescueId)).map((m) => m.rescueId);
  }

  async memberIdsOf(rescueId: string, roles: readonly StaffRole[]) {
    if (!this.store.isActive(rescueId)) return [];
    return this.store.staff
      .filter((m) => m.rescueId === rescueId && roles.includes(m.role))
      .map((m) => m.userId)
      .sort();
  }

  async findMember(rescueId: string, userId: string) {
    const m = this.membership(rescueId, userId);
    return m ? this.row(m) : null;
  }

  async lockAdmins(_tx: TransactionContext, rescueId: string) {
    this.lockedAdminsOf.push(rescueId);
    return this.store.staff.filter((m) => m.rescueId === rescueId && m.role === 'admin').map((m) => m.userId);
  }

  async lockMember(_tx: TransactionContext, rescueId: string, userId: string) {
    return this.store.staff.find((m) => m.rescueId === rescueId && m.userId === userId)?.role ?? null;
  }

  async add(_tx: TransactionContext, member: { rescueId: string; userId: string; role: StaffRole }) {
    if (this.store.staff.some((m) => m.rescueId === member.rescueId && m.userId === member.userId)) {
      throw Object.assign(new Error('Duplicate entry'), { errno: 1062 });
    }
    this.store.staff.push({ ...member, joinedAt: new Date() });
  }

  async remove(_tx: TransactionContext, rescueId: string, userId: string) {
    const before = this.store.staff.length;
    this.store.staff = this.store.staff.filter((m) => !(m.rescueId === rescueId && m.userId === userId));
    return this.store.staff.length < before;
  }

  private members(rescueId: string): Membership[] {
    if (!this.store.isActive(rescueId)) return [];
    const newest = (a: Membership, b: Membership) => b.joinedAt.getTime() - a.joinedAt.getTime() || (a.userId < b.userId ? 1 : -1);
    return this.store.staff.filter((m) => m.rescueId === rescueId).sort(newest);
  }

  async list(rescueId: string, after: KeysetPosition | null, limit: number) {
    return this.members(rescueId)
      .filter((m) => !after || m.joinedAt < after.createdAt || (m.joinedAt.getTime() === after.createdAt.getTime() && m.userId < after.id))
      .slice(0, limit)
      .map((m) => this.row(m));
  }

  async count(rescueId: string) {
    return this.members(rescueId).length;
  }

  async insertInvitation(_tx: TransactionContext, invitation: NewInvitation) {
    const entity = { ...invitation, acceptedAt: null } as StaffInvitationEntity;
    this.store.invitations.set(entity.id, entity);
    return structuredClone(entity);
  }

  async lockInvitationByHash(_tx: TransactionContext, tokenHash: string) {
    return structuredClone([...this.store.invitations.values()].find((i) => i.tokenHash === tokenHash) ?? null);
  }

  async markInvitationAccepted(_tx: TransactionContext, invitationId: string) {
    const invitation = this.store.invitations.get(invitationId);
    if (!invitation || invitation.acceptedAt) return false;
    invitation.acceptedAt = new Date();
    return true;
  }
}

/** Fixed figures per rescue, and the windows it was asked about. */
export class FakeRescueAnalyticsRepository extends RescueAnalyticsRepository {
  counts: Record<PetCountDimension, Record<string, number>> = { listing_status: {}, availability: {} };
  perMonth: Record<string, number> = {};
  durations: number[] = [];
  applications = { received: 0, approved: 0 };
  windows: Array<{ from: Date; to: Date }> = [];

  async countPetsBy(_rescueId: string, dimension: PetCountDimension) {
    return this.counts[dimension];
  }
  async adoptionsPerMonth(_rescueId: string, from: Date, to: Date) {
    this.windows.push({ from, to });
    return this.perMonth;
  }
  async secondsToAdoption() {
    return this.durations;
  }
  async countApplications() {
    return this.applications;
  }
}

export class FakeInvitationMailer {
  sent: StaffInvitationMail[] = [];
  async send(mail: StaffInvitationMail): Promise<void> {
    this.sent.push(mail);
  }
  asMailer(): StaffInvitationMailer {
    return this as unknown as StaffInvitationMailer;
  }
}

/** Everything the rescue services need, wired over one store. */
export function rescueFakes() {
  const store = new RescueStore();
  const rescues = new InMemoryRescuesRepository(store);
  const staff = new InMemoryRescueStaffRepository(store);
  const analytics = new FakeRescueAnalyticsRepository();
  const audit = new FakeAudit();
  const mailer = new FakeInvitationMailer();
  const roleChanges = new FakeRoleChanges({
    roleOf: (id) => store.accounts.get(id)?.role,
    setRole: (id, role) => Object.assign(store.accounts.get(id)!, { role }),
  });
  const promotion = new MemberPromotionService(rescues, roleChanges.asService());
  return { store, rescues, staff, analytics, audit, mailer, promotion, roleChanges };
}
