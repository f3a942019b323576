import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, ValidationFailedError, VersionConflictError } from '@app/common';
import type {
  ApplicationDto,
  ApplicationStatus,
  AssignApplicationRequestDto,
  BulkStatusItemDto,
  BulkStatusRequestDto,
  BulkStatusResultDto,
  ChangeApplicationStatusRequestDto,
  ReviewAction,
  ReviewApplicationRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import {
  type ApplicationEntity,
  ApplicationsRepository,
  type ApplicationTransition,
  CaseworkRepository,
  COMPETING_STATUSES,
  isOpen,
  type PetEntity,
  transitionByAction,
  transitionToStatus,
} from '@app/catalog';
import { PET_MANAGING_STAFF_ROLES } from '../pets/pet-access';
import { ApplicationAccessPolicy, applicationNotFound } from './application-access';
import { ApplicationDetailReader } from './application-detail.reader';
import { ApplicationNotifier, notifiedApplication, type NotifiedApplication } from './application-notifier';
import { ApplicationPets, ApplicationRescues } from './application-ports';
import { toApplicationDto } from './application.mapper';
import { lostRaceError } from './lost-race';

/** The reason the other applications for a pet are rejected with when one is approved (or the adoption completed). */
export const PET_ADOPTED_REASON = 'pet adopted';
/** The reason they are waitlisted with instead, when the rescue keeps a waitlist. */
export const WAITLISTED_REASON = 'another application was approved';

type Step = { action: ReviewAction } | { to: ApplicationStatus };

interface StepRequest {
  step: Step;
  expectedVersion?: number;
  note?: string;
  reason?: string;
}

const trimmed = (text: string | undefined) => text?.trim() || null;
const words = (value: string) => value.replace(/_/g, ' ');
const attempted = (step: Step) => ('action' in step ? { action: step.action } : { to: step.to });

/** Transitions that move the pet: an approval makes it pending; leaving approved makes it adopted or available again. */
const movesPet = (transition: ApplicationTransition) => transition.to === 'approved' || transition.from === 'approved';

/**
 * The review workflow: one implementation behind POST …/review (actions), PATCH …/status (target statuses),
 * DELETE (withdraw) and bulk changes. Each step is one transaction: checked (404 → 403 → VERSION_CONFLICT →
 * INVALID_TRANSITION → 403 for another actor's step), applied with a conditional UPDATE on the status it was
 * checked against, recorded in the history, audited, and notified. Steps that move the pet lock the pet's row
 * first, so concurrent approvals of one pet serialise and exactly one wins.
 */
@Injectable()
export class ApplicationReviewService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly details: ApplicationDetailReader,
    private readonly access: ApplicationAccessPolicy,
    private readonly pets: ApplicationPets,
    private readonly rescues: ApplicationRescues,
    private readonly casework: CaseworkRepository,
    private readonly notifier: ApplicationNotifier,
    private readonly audit: AuditService,
  ) {}

  async review(caller: Principal, applicationId: string, body: ReviewApplicationRequestDto): Promise<ApplicationDto> {
    return this.takeAndAnswer(caller, applicationId, { step: { action: body.action }, ...body });
  }

  async changeStatus(caller: Principal, applicationId: string, body: ChangeApplicationStatusRequestDto): Promise<ApplicationDto> {
    return this.takeAndAnswer(caller, applicationId, { step: { to: body.status }, ...body });
  }

  async withdraw(caller: Principal, applicationId: string): Promise<void> {
    await this.take(caller, applicationId, { step: { action: 'withdraw' } });
  }

  /** Each id in its own transaction, completely or not at all; a failure is reported with the code it would answer alone. */
  async bulk(caller: Principal, body: BulkStatusRequestDto): Promise<BulkStatusResultDto> {
    const results: BulkStatusItemDto[] = [];
    for (const applicationId of body.applicationIds) {
      try {
        const { application } = await this.take(caller, applicationId, { step: { action: body.action }, note: body.note, reason: body.reason });
        results.push({ applicationId, ok: true, status: application.status, version: application.version, code: null, message: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ applicationId, ok: false, status: null, version: null, code: error.code, message: error.message });
      }
    }
    const succeeded = results.filter((result) => result.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  /** Admins and staff of the rescue assign its applications to one of its admins or staff (null unassigns). */
  async assign(caller: Principal, rescueId: string, applicationId: string, body: AssignApplicationRequestDto): Promise<ApplicationDto> {
    const application = await this.applications.transaction(async (tx) => {
      const current = await this.applications.findById(applicationId, tx);
      if (!current || current.rescueId !== rescueId) throw applicationNotFound(applicationId);
      await this.access.assertOwner(current, caller, tx);
      if (body.expectedVersion !== undefined && current.version !== body.expectedVersion) throw new VersionConflictError('Application', current.version);
      if (!isOpen(current.status))
        throw new DomainError('CONFLICT', `A ${current.status} application is closed and is not assigned any more.`, { status: current.status });
      if (body.assigneeId !== null) {
        const role = await this.rescues.roleOf(body.assigneeId, rescueId, tx);
        if (role === null || !PET_MANAGING_STAFF_ROLES.includes(role)) {
          throw new ValidationFailedError([{ field: 'assigneeId', constraints: { member: "the assignee must be one of the rescue's admins or staff" } }]);
        }
      }
      if (current.assigneeId === body.assigneeId) return current;
      if (!(await this.applications.assign(tx, applicationId, body.assigneeId, current.version))) {
        const latest = await this.applications.findById(applicationId, tx);
        throw new VersionConflictError('Application', latest?.version ?? current.version);
      }
      await this.audit.record(tx, {
        action: 'application.assigned',
        targetType: 'application',
        targetId: applicationId,
        before: { assigneeId: current.assigneeId },
        after: { assigneeId: body.assigneeId },
      });
      if (body.assigneeId !== null && body.assigneeId !== caller.userId) {
        await this.notifier.assigned(tx, notifiedApplication(current), { assigneeId: body.assigneeId, actorId: caller.userId, version: current.version + 1 });
      }
      return (await this.applications.findById(applicationId, tx))!;
    });
    // Only the owner side assigns, and it reads the internal notes.
    return this.answer(application, true);
  }

  private async answer(application: ApplicationEntity, insider: boolean): Promise<ApplicationDto> {
    return toApplicationDto(await this.details.read(application.id, undefined, application), insider);
  }

  private async takeAndAnswer(caller: Principal, applicationId: string, request: StepRequest): Promise<ApplicationDto> {
    const { application, insider } = await this.take(caller, applicationId, request);
    return this.answer(application, insider);
  }

  private take(caller: Principal, applicationId: string, request: StepRequest): Promise<{ application: ApplicationEntity; insider: boolean }> {
    return this.applications.transaction(async (tx) => {
      const read = await this.applications.findById(applicationId, tx);
      if (!read) throw applicationNotFound(applicationId);
      const access = await this.access.assertVisible(read, caller, tx);
      if (!access.applicant && !access.owner) {
        throw new DomainError('FORBIDDEN', "Only the applicant and the pet's owner side change an application.", { applicationId });
      }
      if (request.expectedVersion !== undefined && read.version !== request.expectedVersion) throw new VersionConflictError('Application', read.version);
      const transition = 'action' in request.step ? transitionByAction(read.status, request.step.action) : transitionToStatus(read.status, request.step.to);
      if (!(transition.actor === 'applicant' ? access.applicant : access.owner)) {
        const who = transition.actor === 'applicant' ? 'the applicant' : "the pet's owner side";
        throw new DomainError('FORBIDDEN', `Only ${who} can ${words(transition.action)} this application.`, {
          from: transition.from,
          action: transition.action,
        });
      }
      const pet = movesPet(transition) ? await this.lockPetFor(tx, read, transition, request) : null;

      const reason = trimmed(request.reason);
      const changed = await this.applications.changeStatus(tx, {
        id: read.id,
        from: transition.from,
        to: transition.to,
        expectedVersion: request.expectedVersion,
        reason,
      });
      if (!changed) throw await lostRaceError(this.applications, tx, read, attempted(request.step), request.expectedVersion);
      const [historyId] = await this.applications.appendHistory(tx, [
        { applicationId: read.id, fromStatus: transition.from, toStatus: transition.to, actorId: caller.userId, note: trimmed(request.note), reason },
      ]);
      await this.audit.record(tx, {
        action: 'application.status_changed',
        targetType: 'application',
        targetId: read.id,
        before: { status: transition.from },
        after: { status: transition.to, action: transition.action, reason },
      });
      if (!isOpen(transition.to)) await this.casework.cancelScheduledVisits(tx, [read.id], caller.userId);
      const notified = notifiedApplication(read);
      await this.notifier.statusChanged(tx, [
        { application: notified, change: { historyId, from: transition.from, to: transition.to, reason, actorId: caller.userId } },
      ]);
      if (pet) await this.movePet(tx, pet, transition, notified, caller.userId);
      return { application: (await this.applications.findById(read.id, tx))!, insider: access.insider };
    });
  }

  /**
   * Locks the pet of a step that moves it (lock order: the pet, then application rows, so steps cannot deadlock),
   * then checks what the step needs of the pet. null when the pet is gone and the step (a withdrawal or a
   * cancellation) can go ahead without it.
   */
  private async lockPetFor(
    tx: TransactionContext,
    read: ApplicationEntity,
    transition: ApplicationTransition,
    request: StepRequest,
  ): Promise<PetEntity | null> {
    const pet = await this.pets.lock(tx, read.petId);
    // While this step waited for the pet, a concurrent one (another approval) may have moved this application.
    const current = await this.applications.findById(read.id, tx);
    if (current?.status !== transition.from) throw await lostRaceError(this.applications, tx, read, attempted(request.step), request.expectedVersion);
    const needsPet = transition.to === 'approved' || transition.to === 'completed';
    if (!pet) {
      if (needsPet) throw new DomainError('CONFLICT', 'The pet of this application is no longer listed.', { petId: read.petId });
      return null;
    }
    if (transition.to === 'approved' && (pet.listingStatus !== 'published' || !['available', 'on_hold'].includes(pet.availability))) {
      throw new DomainError(
        'CONFLICT',
        `The pet is ${words(pet.listingStatus === 'published' ? pet.availability : pet.listingStatus)} and cannot be promised to this applicant.`,
        {
          petId: pet.id,
          listingStatus: pet.listingStatus,
          availability: pet.availability,
        },
      );
    }
    if (transition.to === 'completed' && pet.availability !== 'pending') {
      throw new DomainError('CONFLICT', `The pet is ${words(pet.availability)}, not pending: the adoption cannot be completed.`, {
        petId: pet.id,
        availability: pet.availability,
      });
    }
    return pet;
  }

  /**
   * The pet side of a step, in the step's transaction. Approval: the pet becomes pending and its other open
   * applications are rejected ("pet adopted") or, when the rescue keeps a waitlist, waitlisted. Completion: the pet
   * is adopted and every application still open for it is rejected. Cancellation or withdrawal of the approved
   * application: the pet is available again (waitlisted applications stay waitlisted, for the owner side to reopen).
   */
  private async movePet(
    tx: TransactionContext,
    pet: PetEntity,
    transition: ApplicationTransition,
    application: NotifiedApplication,
    actorId: string,
  ): Promise<void> {
    if (transition.to === 'approved') {
      await this.pets.changeAvailability(tx, pet, 'pending', actorId, 'adoption application approved');
      const waitlist = application.rescueId !== null && (await this.rescues.waitlistsOnApproval(application.rescueId, tx));
      if (waitlist)
        await this.closeCompeting(
          tx,
          application,
          COMPETING_STATUSES.filter((s) => s !== 'waitlisted'),
          'waitlisted',
          WAITLISTED_REASON,
        );
      else await this.closeCompeting(tx, application, COMPETING_STATUSES, 'rejected', PET_ADOPTED_REASON);
    } else if (transition.to === 'completed') {
      await this.pets.changeAvailability(tx, pet, 'adopted', actorId, 'adoption completed');
      await this.closeCompeting(tx, application, COMPETING_STATUSES, 'rejected', PET_ADOPTED_REASON);
    } else if (pet.availability === 'pending') {
      await this.pets.changeAvailability(tx, pet, 'available', actorId, `adoption ${transition.to}`);
    }
  }

  /** The pet's other applications in `statuses` move to `to`, by the platform: a few statements whatever their number. */
  private async closeCompeting(
    tx: TransactionContext,
    chosen: NotifiedApplication,
    statuses: readonly ApplicationStatus[],
    to: ApplicationStatus,
    reason: string,
  ): Promise<void> {
    const competitors = await this.applications.lockCompeting(tx, chosen.petId, chosen.id, statuses);
    if (competitors.length === 0) return;
    // The rows are locked, so the change cannot miss; each keeps the status it had as its history's `from`.
    await this.applications.changeLockedStatuses(
      tx,
      competitors.map((c) => c.id),
      to,
      reason,
    );
    const historyIds = await this.applications.appendHistory(
      tx,
      competitors.map((c) => ({ applicationId: c.id, fromStatus: c.status, toStatus: to, actorId: null, note: null, reason })),
    );
    if (!isOpen(to))
      await this.casework.cancelScheduledVisits(
        tx,
        competitors.map((c) => c.id),
        null,
      );
    await this.notifier.statusChanged(
      tx,
      competitors.map((c, i) => ({
        application: { ...chosen, id: c.id, applicantId: c.applicantId, applicantName: c.applicantName, assigneeId: c.assigneeId },
        change: { historyId: historyIds[i], from: c.status, to, reason, actorId: null },
      })),
    );
  }
}
