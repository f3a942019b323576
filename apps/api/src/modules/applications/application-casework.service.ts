import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError } from '@app/common';
import type {
  ApplicationReferenceDto,
  HomeVisitDto,
  ReferenceStatus,
  ScheduleHomeVisitRequestDto,
  UpdateHomeVisitRequestDto,
  UpdateReferenceRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { ApplicationAccessPolicy, applicationNotFound } from './application-access';
import {
  type ApplicationEntity,
  ApplicationsRepository,
  CaseworkRepository,
  type HomeVisitChanges,
  IN_REVIEW_STATUSES,
  isOpen,
  type ReferenceChanges,
} from '@app/catalog';
import { toHomeVisitDto, toReferenceDto } from './application.mapper';

/** A reference's status only moves forward; staying put is allowed (to add notes). */
const REFERENCE_ORDER: readonly ReferenceStatus[] = ['pending', 'contacted', 'verified'];

/**
 * The owner side's casework during review: home visits (scheduled, rescheduled, then passed, failed or cancelled;
 * cancelled by the platform when the application closes) and references (contacted, verified, with notes; only in
 * review). Owner side only; the applicant sees dates and outcomes, not notes.
 */
@Injectable()
export class ApplicationCaseworkService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly casework: CaseworkRepository,
    private readonly access: ApplicationAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** While the application is in review (under review, reference check or home visit). */
  async scheduleHomeVisit(tx: TransactionContext, caller: Principal, applicationId: string, body: ScheduleHomeVisitRequestDto): Promise<HomeVisitDto> {
    const application = await this.ownApplication(tx, caller, applicationId);
    if (!IN_REVIEW_STATUSES.includes(application.status)) {
      throw new DomainError('CONFLICT', `Home visits are scheduled while an application is in review, not when it is ${application.status}.`, {
        status: application.status,
      });
    }
    const id = newId();
    await this.casework.insertHomeVisit(tx, {
      id,
      applicationId,
      scheduledAt: new Date(body.scheduledAt),
      notes: body.notes ?? null,
      scheduledBy: caller.userId,
    });
    await this.audit.record(tx, {
      action: 'application.home_visit_scheduled',
      targetType: 'application',
      targetId: applicationId,
      after: { visitId: id, scheduledAt: body.scheduledAt },
    });
    return toHomeVisitDto((await this.casework.findHomeVisit(applicationId, id, tx))!, true);
  }

  /** Reschedule while scheduled, or record the outcome (final); notes any time before that. */
  updateHomeVisit(caller: Principal, applicationId: string, visitId: string, body: UpdateHomeVisitRequestDto): Promise<HomeVisitDto> {
    return this.applications.transaction(async (tx) => {
      const application = await this.ownApplication(tx, caller, applicationId);
      const visit = await this.casework.findHomeVisit(applicationId, visitId, tx);
      if (!visit) throw new NotFoundError('Home visit', visitId);
      if (visit.outcome !== 'scheduled') {
        throw new DomainError('INVALID_TRANSITION', `The visit is ${visit.outcome}; its outcome is final.`, {
          from: visit.outcome,
          to: body.outcome ?? visit.outcome,
        });
      }
      if (!isOpen(application.status)) throw new DomainError('CONFLICT', `The application is ${application.status}.`, { status: application.status });
      const changes: HomeVisitChanges = {};
      if (body.scheduledAt !== undefined) changes.scheduledAt = new Date(body.scheduledAt);
      if (body.notes !== undefined) changes.notes = body.notes;
      if (body.outcome !== undefined && body.outcome !== 'scheduled')
        Object.assign(changes, { outcome: body.outcome, recordedAt: new Date(), recordedBy: caller.userId });
      await this.casework.updateHomeVisit(tx, visitId, body.expectedVersion, changes);
      await this.audit.record(tx, {
        action: 'application.home_visit_updated',
        targetType: 'application',
        targetId: applicationId,
        after: { visitId, outcome: changes.outcome ?? visit.outcome, rescheduled: changes.scheduledAt !== undefined },
      });
      return toHomeVisitDto((await this.casework.findHomeVisit(applicationId, visitId, tx))!, true);
    });
  }

  /** Mark a reference contacted or verified, with notes; a status never moves back. */
  updateReference(caller: Principal, applicationId: string, referenceId: string, body: UpdateReferenceRequestDto): Promise<ApplicationReferenceDto> {
    return this.applications.transaction(async (tx) => {
      const application = await this.ownApplication(tx, caller, applicationId);
      const reference = await this.casework.findReference(applicationId, referenceId, tx);
      if (!reference) throw new NotFoundError('Reference', referenceId);
      // Before review the applicant may still replace their references; after it, the findings are final.
      if (!IN_REVIEW_STATUSES.includes(application.status)) {
        throw new DomainError('CONFLICT', `References are checked while an application is in review, not when it is ${application.status}.`, {
          status: application.status,
        });
      }
      if (REFERENCE_ORDER.indexOf(body.status) < REFERENCE_ORDER.indexOf(reference.status)) {
        throw new DomainError('INVALID_TRANSITION', `A ${reference.status} reference cannot go back to ${body.status}.`, {
          from: reference.status,
          to: body.status,
        });
      }
      const now = new Date();
      const changes: ReferenceChanges = { status: body.status, updatedBy: caller.userId };
      if (body.notes !== undefined) changes.notes = body.notes;
      if (body.status !== 'pending' && reference.contactedAt === null) changes.contactedAt = now;
      if (body.status === 'verified' && reference.verifiedAt === null) changes.verifiedAt = now;
      await this.casework.updateReference(tx, referenceId, body.expectedVersion, changes);
      await this.audit.record(tx, {
        action: 'application.reference_updated',
        targetType: 'application',
        targetId: applicationId,
        before: { referenceId, status: reference.status },
        after: { referenceId, status: body.status },
      });
      return toReferenceDto((await this.casework.findReference(applicationId, referenceId, tx))!, true);
    });
  }

  /** Shared lock on the application: a status change (closing it, cancelling its visits) waits for this casework, or this for it. */
  private async ownApplication(tx: TransactionContext, caller: Principal, applicationId: string): Promise<ApplicationEntity> {
    const application = await this.applications.findShared(tx, applicationId);
    if (!application) throw applicationNotFound(applicationId);
    await this.access.assertOwner(application, caller, tx);
    return application;
  }
}
