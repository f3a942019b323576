import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type { InviteStaffRequestDto, ListRescueStaffQuery, StaffInvitationDto, StaffMemberDto, StaffMemberPageDto } from '@app/contracts';
import { isDuplicateKey, type TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { normaliseEmail, randomToken, sha256Hex } from '../auth/secrets';
import { MemberPromotionService } from './member-promotion.service';
import { assertInvitesStaff, assertRemovesStaff, assertSeesPrivateParts, type RescueViewer } from './rescue-access';
import { RescuesRepository, RescueStaffRepository, type StaffMemberRow } from '@app/catalog';
import { toStaffInvitationDto, toStaffMemberDto } from './rescues.mapper';
import { StaffInvitationMailer } from './staff-invitation.mailer';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const rescueNotFound = (rescueId: string) => new NotFoundError('Rescue', rescueId);
const alreadyMember = () => new DomainError('CONFLICT', 'This person is already a member of the rescue.');

/** Members of a rescue: the list, invitations by e-mail and their acceptance, and removal (never of the last admin). */
@Injectable()
export class RescueStaffService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly staff: RescueStaffRepository,
    private readonly promotion: MemberPromotionService,
    private readonly mailer: StaffInvitationMailer,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Principal, rescueId: string, query: ListRescueStaffQuery): Promise<StaffMemberPageDto> {
    if (!(await this.rescues.findActive(rescueId))) throw rescueNotFound(rescueId);
    assertSeesPrivateParts(await this.viewer(caller, rescueId), rescueId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const [rows, total] = await Promise.all([this.staff.list(rescueId, after, limit + 1), this.staff.count(rescueId)]);
    return { ...toKeysetPage(rows.map(asPosition), limit, toStaffMemberDto), total };
  }

  /**
   * Mails a single-use invitation valid 7 days. Only the token's SHA-256 is stored; the token itself is in the
   * mail only (never in the response), sent after commit, so an invitation that rolls back mails no one.
   */
  async invite(tx: TransactionContext, caller: Principal, rescueId: string, body: InviteStaffRequestDto): Promise<StaffInvitationDto> {
    const rescue = await this.rescues.findActive(rescueId, tx);
    if (!rescue) throw rescueNotFound(rescueId);
    assertInvitesStaff(await this.viewer(caller, rescueId, tx), rescueId);
    const email = normaliseEmail(body.email);
    const invitee = await this.rescues.findAccountByEmail(email, tx);
    if (invitee && (await this.staff.roleOf(rescueId, invitee.id, tx))) throw alreadyMember();
    const inviter = await this.rescues.findAccount(caller.userId, tx);

    const token = randomToken();
    const tokenHash = sha256Hex(token);
    const createdAt = new Date();
    const invitation = await this.staff.insertInvitation(tx, {
      id: newId(),
      rescueId,
      email,
      role: body.role,
      tokenHash,
      invitedBy: caller.userId,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + INVITATION_TTL_MS),
    });
    // Ids and the role only: audit rows outlive accounts and must hold no personal data such as the address.
    await this.audit.record(tx, {
      action: 'rescue.staff_invited',
      targetType: 'rescue',
      targetId: rescueId,
      after: { invitationId: invitation.id, role: body.role },
    });
    tx.afterCommit(() =>
      this.mailer.send({
        to: email,
        userId: invitee?.id ?? null,
        token,
        tokenHash,
        rescueName: rescue.name,
        role: body.role,
        inviterName: inviter?.name ?? '',
      }),
    );
    return toStaffInvitationDto(invitation);
  }

  /**
   * The invitee, signed in with the invited (and verified) address, joins the rescue. Unknown token (or a deleted
   * rescue) → 404; another account's invitation → 403; used or expired → 409 CONFLICT (`details.reason`). The invitation row is
   * locked, so of two concurrent acceptances exactly one succeeds.
   */
  accept(caller: Principal, token: string): Promise<StaffMemberDto> {
    return this.rescues.transaction(async (tx) => {
      const invitation = await this.staff.lockInvitationByHash(tx, sha256Hex(token));
      if (!invitation || !(await this.rescues.findActive(invitation.rescueId, tx))) throw new NotFoundError('Invitation');
      const account = await this.rescues.findAccount(caller.userId, tx);
      // A verified address only: whoever holds the mailbox is who the admin invited.
      if (!account || !account.emailVerifiedAt || normaliseEmail(account.email) !== invitation.email) {
        throw new DomainError('FORBIDDEN', 'This invitation was sent to another e-mail address; sign in with that address to accept it.');
      }
      if (invitation.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been used.', { reason: 'used' });
      if (invitation.expiresAt.getTime() <= Date.now()) {
        throw new DomainError('CONFLICT', 'This invitation has expired; ask the rescue for a new one.', {
          reason: 'expired',
          expiresAt: invitation.expiresAt.toISOString(),
        });
      }
      if (await this.staff.roleOf(invitation.rescueId, caller.userId, tx)) throw alreadyMember();
      try {
        await this.staff.add(tx, { rescueId: invitation.rescueId, userId: caller.userId, role: invitation.role });
      } catch (error) {
        if (isDuplicateKey(error)) throw alreadyMember();
        throw error;
      }
      if (!(await this.staff.markInvitationAccepted(tx, invitation.id)))
        throw new DomainError('CONFLICT', 'This invitation has already been used.', { reason: 'used' });
      await this.audit.record(tx, {
        action: 'rescue.staff_joined',
        targetType: 'rescue',
        targetId: invitation.rescueId,
        after: { userId: caller.userId, role: invitation.role, invitationId: invitation.id },
      });
      await this.promotion.promote(tx, caller.userId, invitation.role, { reason: 'rescue.invitation_accepted', rescueId: invitation.rescueId });
      const member = await this.staff.findMember(invitation.rescueId, caller.userId, tx);
      return toStaffMemberDto(member!);
    });
  }

  /**
   * An admin removes a member, or a member leaves. The rescue's admin rows are locked first (SELECT … FOR UPDATE),
   * then every check reads the state after the lock: two concurrent removals of the last two admins run one after
   * the other, and the second finds a single admin left (409 CONFLICT) or finds its caller already removed.
   * The platform role is left as it is (it may still fit other memberships; admins lower it by hand).
   */
  remove(caller: Principal, rescueId: string, userId: string): Promise<void> {
    return this.rescues.transaction(async (tx) => {
      if (!(await this.rescues.findActive(rescueId, tx))) throw rescueNotFound(rescueId);
      const admins = await this.staff.lockAdmins(tx, rescueId);
      assertRemovesStaff(await this.viewer(caller, rescueId, tx), rescueId, userId);
      const role = await this.staff.lockMember(tx, rescueId, userId);
      if (!role) throw new NotFoundError('Staff member', userId);
      if (role === 'admin' && admins.filter((id) => id !== userId).length === 0) {
        throw new DomainError('CONFLICT', 'The last admin of a rescue cannot be removed; invite another admin first.', { reason: 'last_admin' });
      }
      await this.staff.remove(tx, rescueId, userId);
      await this.audit.record(tx, {
        action: caller.userId === userId ? 'rescue.staff_left' : 'rescue.staff_removed',
        targetType: 'rescue',
        targetId: rescueId,
        before: { userId, role },
        after: null,
      });
    });
  }

  private async viewer(principal: Principal, rescueId: string, tx?: TransactionContext): Promise<RescueViewer> {
    return { principal, role: await this.staff.roleOf(rescueId, principal.userId, tx) };
  }
}

/** The shared keyset helpers page by (createdAt, id); for members that is (joinedAt, userId). */
function asPosition(row: StaffMemberRow): StaffMemberRow & { createdAt: Date; id: string } {
  return { ...row, createdAt: row.joinedAt, id: row.userId };
}
