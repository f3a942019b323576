import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError, VersionConflictError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type {
  ApplicationDto,
  ApplicationHistoryPageDto,
  ApplicationSummaryPageDto,
  GetApplicationHistoryQuery,
  ListApplicationsQuery,
  ListPetApplicationsQuery,
  ReplaceApplicationRequestDto,
  SubmitApplicationRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { ApplicationAccessPolicy, applicationNotFound, readsAllApplications } from './application-access';
import { ApplicationDetailReader } from './application-detail.reader';
import { assertValidSubmission, storedAnswers } from './application-form';
import { ApplicationFormsService } from './application-forms.service';
import {
  ApplicationDraftsRepository,
  type ApplicationListFilter,
  ApplicationsRepository,
  CaseworkRepository,
  invalidTransition,
  QuestionSetsRepository,
  submittedCursor,
} from '@app/catalog';
import { ApplicationNotifier, notifiedApplication } from './application-notifier';
import { ApplicationPets, ApplicationRescues } from './application-ports';
import { toApplicationDto, toApplicationSummaryDto, toHistoryEntryDto } from './application.mapper';
import { lostRaceError } from './lost-race';

/**
 * Submitting, reading, listing and editing applications. Every rule and access check is here; a submission is one
 * transaction with its references, first history entry, audit entry and the owner side's notification, and the
 * database's unique key (not only a read before the insert) keeps one open application per applicant and pet.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly casework: CaseworkRepository,
    private readonly sets: QuestionSetsRepository,
    private readonly drafts: ApplicationDraftsRepository,
    private readonly forms: ApplicationFormsService,
    private readonly details: ApplicationDetailReader,
    private readonly access: ApplicationAccessPolicy,
    private readonly pets: ApplicationPets,
    private readonly rescues: ApplicationRescues,
    private readonly notifier: ApplicationNotifier,
    private readonly audit: AuditService,
  ) {}

  /** Concurrent duplicates make one row (the http layer requires an Idempotency-Key, so a retry replays the first answer). */
  async submit(tx: TransactionContext, caller: Principal, body: SubmitApplicationRequestDto): Promise<ApplicationDto> {
    // Shared lock on the pet: an approval (which closes the pet's other applications) cannot run meanwhile.
    const found = await this.pets.findShared(tx, body.petId, caller);
    if (!found?.visible) throw new NotFoundError('Pet', body.petId);
    const { pet } = found;
    await this.access.assertMayApply(pet, caller, tx);
    if (pet.listingStatus !== 'published' || pet.availability !== 'available') {
      throw new DomainError('CONFLICT', 'This pet is not open to applications.', {
        petId: pet.id,
        listingStatus: pet.listingStatus,
        availability: pet.availability,
      });
    }
    const form = await this.forms.setForPet(pet, tx);
    assertValidSubmission(form.questions, body.answers, body.references, 'complete');
    const id = newId();
    await this.applications.insert(tx, {
      id,
      petId: pet.id,
      applicantId: caller.userId,
      ownerType: pet.ownerType,
      rescueId: pet.rescueId,
      ownerUserId: pet.ownerUserId,
      questionSetId: form.id,
      answers: storedAnswers(body.answers),
    });
    await this.casework.replaceReferences(tx, id, body.references);
    await this.applications.appendHistory(tx, [
      { applicationId: id, fromStatus: null, toStatus: 'submitted', actorId: caller.userId, note: null, reason: null },
    ]);
    await this.drafts.deleteFor(tx, caller.userId, pet.id);
    await this.audit.record(tx, { action: 'application.submitted', targetType: 'application', targetId: id, after: { petId: pet.id, questionSetId: form.id } });
    const detail = await this.details.read(id, tx);
    await this.notifier.submitted(tx, notifiedApplication(detail.application));
    return toApplicationDto(detail, false);
  }

  async get(caller: Principal, applicationId: string): Promise<ApplicationDto> {
    const application = await this.applications.findById(applicationId);
    if (!application) throw applicationNotFound(applicationId);
    const access = await this.access.assertVisible(application, caller);
    return toApplicationDto(await this.details.read(applicationId, undefined, application), access.insider);
  }

  /** Applicants see their own; members of a rescue its applications; rehomers those for their pets; admins every one. */
  async list(caller: Principal, query: ListApplicationsQuery): Promise<ApplicationSummaryPageDto> {
    const scope = readsAllApplications(caller) ? 'all' : { userId: caller.userId, rescueIds: await this.rescues.rescueIdsOf(caller.userId) };
    return this.page(
      {
        scope,
        statuses: query.status,
        petId: query.petId,
        rescueId: query.rescueId,
        applicantId: query.applicantId,
        assigneeId: query.assigneeId,
        submittedAfter: query.submittedAfter ? new Date(query.submittedAfter) : undefined,
        submittedBefore: query.submittedBefore ? new Date(query.submittedBefore) : undefined,
      },
      query,
    );
  }

  /** The owner side of the pet (its rescue's members, or the rehomer) and admins; 404 for anyone else. */
  async listForPet(caller: Principal, petId: string, query: ListPetApplicationsQuery): Promise<ApplicationSummaryPageDto> {
    const found = await this.pets.find(petId, caller);
    if (!found?.visible || !(found.insider || readsAllApplications(caller))) throw new NotFoundError('Pet', petId);
    return this.page({ scope: 'all', petId, statuses: query.status }, query);
  }

  private async page(filter: ApplicationListFilter, query: { cursor?: string; limit?: number }): Promise<ApplicationSummaryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = submittedCursor.decode(query.cursor);
    const [rows, total] = await Promise.all([this.applications.list(filter, after, limit + 1), this.applications.count(filter)]);
    return { ...submittedCursor.page(rows, limit, toApplicationSummaryDto), total };
  }

  /** The applicant edits answers and references while the application is submitted (not yet in review). */
  replace(caller: Principal, applicationId: string, body: ReplaceApplicationRequestDto): Promise<ApplicationDto> {
    return this.applications.transaction(async (tx) => {
      const application = await this.applications.findById(applicationId, tx);
      if (!application) throw applicationNotFound(applicationId);
      const access = await this.access.assertVisible(application, caller, tx);
      if (!access.applicant) throw new DomainError('FORBIDDEN', 'Only the applicant edits an application.', { applicationId });
      if (application.version !== body.expectedVersion) throw new VersionConflictError('Application', application.version);
      if (application.status !== 'submitted') throw invalidTransition(application.status, { to: 'submitted' });
      const form = await this.sets.findById(application.questionSetId, tx);
      assertValidSubmission(form!.questions, body.answers, body.references, 'complete');
      if (!(await this.applications.replaceAnswers(tx, applicationId, body.expectedVersion, storedAnswers(body.answers)))) {
        throw await lostRaceError(this.applications, tx, application, { to: 'submitted' }, body.expectedVersion);
      }
      await this.casework.replaceReferences(tx, applicationId, body.references);
      await this.audit.record(tx, {
        action: 'application.updated',
        targetType: 'application',
        targetId: applicationId,
        before: { version: body.expectedVersion },
        after: { version: body.expectedVersion + 1 },
      });
      return toApplicationDto(await this.details.read(applicationId, tx), access.insider);
    });
  }

  /** Every status change, oldest first; the owner side's notes only for the owner side. */
  async history(caller: Principal, applicationId: string, query: GetApplicationHistoryQuery): Promise<ApplicationHistoryPageDto> {
    const application = await this.applications.findById(applicationId);
    if (!application) throw applicationNotFound(applicationId);
    const access = await this.access.assertVisible(application, caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await Promise.all([
      this.applications.listHistory(applicationId, decodeCursor(query.cursor), limit + 1),
      this.applications.countHistory(applicationId),
    ]);
    return { ...toKeysetPage(rows, limit, (entry) => toHistoryEntryDto(entry, access.insider)), total };
  }
}
