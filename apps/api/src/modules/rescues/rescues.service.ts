import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError, VersionConflictError } from '@app/common';
import { DEFAULT_PAGE_SIZE } from '@app/common/pagination/keyset-cursor';
import type { CreateRescueRequestDto, ListRescuesQuery, ReplaceRescueRequestDto, RescueDto, RescuePageDto, UpdateRescueRequestDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { MemberPromotionService } from './member-promotion.service';
import { assertDeletesRescue, assertEditsRescue, type RescueViewer } from './rescue-access';
import { nameCursor } from './rescue-cursor';
import { DEFAULT_RESCUE_SETTINGS, type RescueChanges, type RescueEntity, RescuesRepository, RescueStaffRepository } from '@app/catalog';
import { toRescueDto } from './rescues.mapper';

const EDITABLE_FIELDS = ['name', 'description', 'email', 'phone', 'website', 'city', 'region', 'postcode', 'settings'] as const;

const rescueNotFound = (rescueId: string) => new NotFoundError('Rescue', rescueId);

/** Rescues as records: the public directory, registration, edits, soft deletion, verification and rejection. */
@Injectable()
export class RescuesService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly staff: RescueStaffRepository,
    private readonly promotion: MemberPromotionService,
    private readonly audit: AuditService,
  ) {}

  /** `total` counts every match with one COUNT(*) per page: fine at the size of a rescue directory. */
  async list(query: ListRescuesQuery): Promise<RescuePageDto> {
    const filter = { text: query.q, city: query.city, region: query.region, verified: query.verified };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = nameCursor.decode(query.cursor);
    const [rows, total] = await Promise.all([this.rescues.list(filter, after, limit + 1), this.rescues.count(filter)]);
    return { ...nameCursor.page(rows, limit, toRescueDto), total };
  }

  async get(rescueId: string): Promise<RescueDto> {
    const rescue = await this.rescues.findActive(rescueId);
    if (!rescue) throw rescueNotFound(rescueId);
    return toRescueDto(rescue);
  }

  /**
   * Registers a pending rescue with default settings; the caller becomes its admin.
   */
  async create(tx: TransactionContext, caller: Principal, body: CreateRescueRequestDto): Promise<RescueDto> {
    const id = newId();
    await this.rescues.insert(tx, {
      id,
      name: body.name,
      description: body.description,
      email: body.email,
      phone: body.phone ?? null,
      website: body.website ?? null,
      city: body.city,
      region: body.region,
      postcode: body.postcode,
      country: body.country ?? 'GB',
      settings: { ...DEFAULT_RESCUE_SETTINGS },
    });
    await this.staff.add(tx, { rescueId: id, userId: caller.userId, role: 'admin' });
    await this.audit.record(tx, { action: 'rescue.registered', targetType: 'rescue', targetId: id, after: { status: 'pending', adminId: caller.userId } });
    await this.promotion.promote(tx, caller.userId, 'admin', { reason: 'rescue.registered', rescueId: id });
    return toRescueDto(await this.reload(tx, id));
  }

  /** PATCH: only the fields present change; `null` clears phone or website. */
  update(caller: Principal, rescueId: string, body: UpdateRescueRequestDto): Promise<RescueDto> {
    const changes: RescueChanges = {};
    for (const field of EDITABLE_FIELDS) if (body[field] !== undefined) Object.assign(changes, { [field]: body[field] });
    return this.edit(caller, rescueId, body.expectedVersion, changes);
  }

  /** PUT: every editable field is replaced. */
  replace(caller: Principal, rescueId: string, body: ReplaceRescueRequestDto): Promise<RescueDto> {
    const { expectedVersion, ...fields } = body;
    const changes: RescueChanges = {};
    for (const field of EDITABLE_FIELDS) Object.assign(changes, { [field]: fields[field] });
    return this.edit(caller, rescueId, expectedVersion, changes);
  }

  private edit(caller: Principal, rescueId: string, expectedVersion: number, changes: RescueChanges): Promise<RescueDto> {
    if (changes.settings) {
      const { defaultAdoptionFee, adoptionPolicy, waitlistOnApproval } = changes.settings;
      changes.settings = { defaultAdoptionFee, adoptionPolicy, waitlistOnApproval };
    }
    return this.rescues.transaction(async (tx) => {
      const rescue = await this.rescues.findActive(rescueId, tx);
      if (!rescue) throw rescueNotFound(rescueId);
      assertEditsRescue(await this.viewer(tx, caller, rescueId));
      const fields = Object.keys(changes);
      if (fields.length === 0) {
        if (rescue.version !== expectedVersion) throw new VersionConflictError('Rescue', rescue.version);
        return toRescueDto(rescue);
      }
      await this.rescues.update(tx, rescueId, expectedVersion, changes);
      await this.audit.record(tx, {
        action: 'rescue.updated',
        targetType: 'rescue',
        targetId: rescueId,
        before: { version: expectedVersion },
        after: { version: expectedVersion + 1, fields },
      });
      return toRescueDto(await this.reload(tx, rescueId));
    });
  }

  /** Soft delete: the rescue and its pets leave every listing; its records (staff, pets, history) are kept. */
  delete(caller: Principal, rescueId: string): Promise<void> {
    return this.rescues.transaction(async (tx) => {
      const rescue = await this.rescues.lockActive(tx, rescueId);
      if (!rescue) throw rescueNotFound(rescueId);
      const viewer = await this.viewer(tx, caller, rescueId);
      assertDeletesRescue(viewer);
      const deletedAt = new Date();
      await this.rescues.update(tx, rescueId, rescue.version, { deletedAt });
      await this.audit.record(tx, {
        action: 'rescue.deleted',
        targetType: 'rescue',
        targetId: rescueId,
        before: { status: rescue.status, deletedAt: null },
        after: { status: rescue.status, deletedAt: deletedAt.toISOString(), as: viewer.role === 'admin' ? 'rescue_admin' : 'platform_admin' },
      });
    });
  }

  /** pending or rejected → verified. Verifying a verified rescue is refused (409 INVALID_TRANSITION), not a no-op. */
  verify(rescueId: string): Promise<RescueDto> {
    return this.rescues.transaction(async (tx) => {
      const rescue = await this.rescues.lockActive(tx, rescueId);
      if (!rescue) throw rescueNotFound(rescueId);
      if (rescue.status === 'verified') throw invalidTransition(rescue, 'verified');
      const verifiedAt = new Date();
      await this.rescues.update(tx, rescueId, rescue.version, { status: 'verified', verifiedAt, rejectionReason: null });
      await this.audit.record(tx, {
        action: 'rescue.verified',
        targetType: 'rescue',
        targetId: rescueId,
        before: moderationStateOf(rescue),
        after: { status: 'verified', verifiedAt: verifiedAt.toISOString(), rejectionReason: null },
      });
      return toRescueDto(await this.reload(tx, rescueId));
    });
  }

  /**
   * pending or verified → rejected, with a reason (rejecting a verified rescue withdraws its verification).
   * Rejecting a rejected rescue is refused (409 INVALID_TRANSITION).
   */
  reject(rescueId: string, reason: string): Promise<RescueDto> {
    return this.rescues.transaction(async (tx) => {
      const rescue = await this.rescues.lockActive(tx, rescueId);
      if (!rescue) throw rescueNotFound(rescueId);
      if (rescue.status === 'rejected') throw invalidTransition(rescue, 'rejected');
      await this.rescues.update(tx, rescueId, rescue.version, { status: 'rejected', verifiedAt: null, rejectionReason: reason });
      await this.audit.record(tx, {
        action: 'rescue.rejected',
        targetType: 'rescue',
        targetId: rescueId,
        before: moderationStateOf(rescue),
        after: { status: 'rejected', verifiedAt: null, rejectionReason: reason },
      });
      return toRescueDto(await this.reload(tx, rescueId));
    });
  }

  private async viewer(tx: TransactionContext, principal: Principal, rescueId: string): Promise<RescueViewer> {
    return { principal, role: await this.staff.roleOf(rescueId, principal.userId, tx) };
  }

  private async reload(tx: TransactionContext, rescueId: string): Promise<RescueEntity> {
    const rescue = await this.rescues.findActive(rescueId, tx);
    if (!rescue) throw rescueNotFound(rescueId);
    return rescue;
  }
}

function moderationStateOf(rescue: RescueEntity) {
  return { status: rescue.status, verifiedAt: rescue.verifiedAt?.toISOString() ?? null, rejectionReason: rescue.rejectionReason };
}

function invalidTransition(rescue: RescueEntity, to: string): DomainError {
  return new DomainError('INVALID_TRANSITION', `A ${rescue.status} rescue cannot become ${to}.`, { from: rescue.status, to });
}
