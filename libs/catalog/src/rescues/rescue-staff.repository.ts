import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { RescueStaffEntity } from './rescue-staff.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';

/** A member with the account fields the API shows. */
export interface StaffMemberRow {
  rescueId: string;
  userId: string;
  role: StaffRole;
  joinedAt: Date;
  name: string;
  email: string;
}

export type NewInvitation = Pick<StaffInvitationEntity, 'id' | 'rescueId' | 'email' | 'role' | 'tokenHash' | 'invitedBy' | 'createdAt' | 'expiresAt'>;

/**
 * What the rescue services need from storage for memberships and invitations; the DI token, so services never
 * touch TypeORM. Memberships of a soft-deleted rescue are kept as records but never count: every read skips them.
 */
export abstract class RescueStaffRepository {
  /** The member's role in an active rescue; null for a non-member or a deleted rescue. */
  abstract roleOf(rescueId: string, userId: string, tx?: TransactionContext): Promise<StaffRole | null>;
  abstract findMember(rescueId: string, userId: string, tx?: TransactionContext): Promise<StaffMemberRow | null>;
  /** The active rescues the user is a member of, any role. */
  abstract rescueIdsOf(userId: string): Promise<string[]>;
  /** The members of an active rescue who hold one of `roles`. */
  abstract memberIdsOf(rescueId: string, roles: readonly StaffRole[], tx?: TransactionContext): Promise<string[]>;
  /**
   * Locks the rescue's admin memberships (SELECT … FOR UPDATE) and returns their user ids: two removals that could
   * each leave the other as the last admin run one after the other, and the second sees the first's result.
   */
  abstract lockAdmins(tx: TransactionContext, rescueId: string): Promise<string[]>;
  /** Locks one membership row; null when there is none. */
  abstract lockMember(tx: TransactionContext, rescueId: string, userId: string): Promise<StaffRole | null>;
  /** Throws the driver's duplicate-key error if the user is a member already (see isDuplicateKey). */
  abstract add(tx: TransactionContext, member: { rescueId: string; userId: string; role: StaffRole }): Promise<void>;
  abstract remove(tx: TransactionContext, rescueId: string, userId: string): Promise<boolean>;
  /** Newest members first (joinedAt, then user id, descending), strictly after `after`. */
  abstract list(rescueId: string, after: KeysetPosition | null, limit: number): Promise<StaffMemberRow[]>;
  abstract count(rescueId: string): Promise<number>;

  abstract insertInvitation(tx: TransactionContext, invitation: NewInvitation): Promise<StaffInvitationEntity>;
  /** Reads the invitation with this token hash and locks it: of two concurrent acceptances, the second waits and sees the first. */
  abstract lockInvitationByHash(tx: TransactionContext, tokenHash: string): Promise<StaffInvitationEntity | null>;
  /** Marks it used unless it already was; true when this call did. */
  abstract markInvitationAccepted(tx: TransactionContext, invitationId: string): Promise<boolean>;
}

interface MemberRaw {
  rescue_id: string;
  user_id: string;
  role: StaffRole;
  joined_at: Date;
  name: string;
  email: string;
}

const toRow = (raw: MemberRaw): StaffMemberRow => ({
  rescueId: raw.rescue_id,
  userId: raw.user_id,
  role: raw.role,
  joinedAt: raw.joined_at instanceof Date ? raw.joined_at : new Date(raw.joined_at),
  name: raw.name,
  email: raw.email,
});

const MEMBERS = `SELECT s.rescue_id, s.user_id, s.role, s.joined_at, u.name, u.email
  FROM rescue_staff s
  JOIN rescues r ON r.id = s.rescue_id AND r.deleted_at IS NULL
  JOIN users u ON u.id = s.user_id`;

@Injectable()
export class TypeOrmRescueStaffRepository extends RescueStaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private manager(tx?: TransactionContext): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async roleOf(rescueId: string, userId: string, tx?: TransactionContext): Promise<StaffRole | null> {
    const rows: Array<{ role: StaffRole }> = await this.manager(tx).query(
      `SELECT s.role FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id AND r.deleted_at IS NULL
       WHERE s.rescue_id = ? AND s.user_id = ?`,
      [rescueId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async rescueIdsOf(userId: string): Promise<string[]> {
    const rows: Array<{ rescue_id: string }> = await this.dataSource.query(
      'SELECT s.rescue_id FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id AND r.deleted_at IS NULL WHERE s.user_id = ?',
      [userId],
    );
    return rows.map((row) => row.rescue_id);
  }

  async memberIdsOf(rescueId: string, roles: readonly StaffRole[], tx?: TransactionContext): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows: Array<{ user_id: string }> = await this.manager(tx).query(
      `SELECT s.user_id FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id AND r.deleted_at IS NULL
       WHERE s.rescue_id = ? AND s.role IN (?) ORDER BY s.user_id`,
      [rescueId, roles],
    );
    return rows.map((row) => row.user_id);
  }

  async findMember(rescueId: string, userId: string, tx?: TransactionContext): Promise<StaffMemberRow | null> {
    const rows: MemberRaw[] = await this.manager(tx).query(`${MEMBERS} WHERE s.rescue_id = ? AND s.user_id = ?`, [rescueId, userId]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async lockAdmins(tx: TransactionContext, rescueId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await tx.manager.query(
      "SELECT user_id FROM rescue_staff WHERE rescue_id = ? AND role = 'admin' ORDER BY user_id FOR UPDATE",
      [rescueId],
    );
    return rows.map((row) => row.user_id);
  }

  async lockMember(tx: TransactionContext, rescueId: string, userId: string): Promise<StaffRole | null> {
    const rows: Array<{ role: StaffRole }> = await tx.manager.query('SELECT role FROM rescue_staff WHERE rescue_id = ? AND user_id = ? FOR UPDATE', [
      rescueId,
      userId,
    ]);
    return rows[0]?.role ?? null;
  }

  async add(tx: TransactionContext, member: { rescueId: string; userId: string; role: StaffRole }): Promise<void> {
    await tx.manager.createQueryBuilder().insert().into(RescueStaffEntity).values(member).execute();
  }

  async remove(tx: TransactionContext, rescueId: string, userId: string): Promise<boolean> {
    const result = await tx.manager.createQueryBuilder().delete().from(RescueStaffEntity).where({ rescueId, userId }).execute();
    return result.affected === 1;
  }

  async list(rescueId: string, after: KeysetPosition | null, limit: number): Promise<StaffMemberRow[]> {
    const params: unknown[] = [rescueId];
    let keyset = '';
    if (after) {
      keyset = ' AND (s.joined_at < ? OR (s.joined_at = ? AND s.user_id < ?))';
      params.push(after.createdAt, after.createdAt, after.id);
    }
    params.push(limit);
    const rows: MemberRaw[] = await this.dataSource.query(
      `${MEMBERS} WHERE s.rescue_id = ?${keyset} ORDER BY s.joined_at DESC, s.user_id DESC LIMIT ?`,
      params,
    );
    return rows.map(toRow);
  }

  async count(rescueId: string): Promise<number> {
    const rows: Array<{ total: string | number }> = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM rescue_staff s JOIN rescues r ON r.id = s.rescue_id AND r.deleted_at IS NULL WHERE s.rescue_id = ?`,
      [rescueId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  async insertInvitation(tx: TransactionContext, invitation: NewInvitation): Promise<StaffInvitationEntity> {
    await tx.manager.createQueryBuilder().insert().into(StaffInvitationEntity).values(invitation).execute();
    return tx.manager.getRepository(StaffInvitationEntity).findOneByOrFail({ id: invitation.id });
  }

  lockInvitationByHash(tx: TransactionContext, tokenHash: string): Promise<StaffInvitationEntity | null> {
    return tx.manager
      .getRepository(StaffInvitationEntity)
      .createQueryBuilder('i')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async markInvitationAccepted(tx: TransactionContext, invitationId: string): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(StaffInvitationEntity)
      .set({ acceptedAt: () => 'CURRENT_TIMESTAMP(3)' })
      .where('id = :invitationId AND accepted_at IS NULL', { invitationId })
      .execute();
    return result.affected === 1;
  }
}
