// Entity ↔ API shapes of applications, their forms, drafts, history, casework and messages, in one place.
// `insider` says whether the reader is the owner side: internal notes are null for everyone else.
import type {
  ApplicationDraftDto,
  ApplicationDto,
  ApplicationHistoryEntryDto,
  ApplicationMessageDto,
  ApplicationQuestionSetDto,
  ApplicationReferenceDto,
  ApplicationSummaryDto,
  HomeVisitDto,
} from '@app/contracts';
import type {
  ApplicationDraftEntity,
  ApplicationEntity,
  ApplicationMessageEntity,
  ApplicationReferenceEntity,
  ApplicationStatusHistoryEntity,
  HomeVisitEntity,
  QuestionSetEntity,
} from '@app/catalog';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A form as answered for `rescueId`: its own set, or (version 0) the core library it uses until it saves one. */
export function toQuestionSetDto(set: QuestionSetEntity, rescueId: string | null): ApplicationQuestionSetDto {
  const own = set.rescueId !== null;
  return { rescueId, version: own || rescueId === null ? set.version : 0, questions: set.questions, updatedAt: set.createdAt.toISOString() };
}

export function toApplicationSummaryDto(application: ApplicationEntity): ApplicationSummaryDto {
  const pet = application.pet!;
  return {
    id: application.id,
    pet: { id: pet.id, name: pet.name, species: pet.species, primaryBreed: pet.primaryBreed, availability: pet.availability },
    applicant: { id: application.applicantId, name: application.applicant!.name },
    owner: { type: application.ownerType, rescueId: application.rescueId, userId: application.ownerUserId },
    status: application.status,
    statusReason: application.statusReason,
    assigneeId: application.assigneeId,
    submittedAt: application.submittedAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    version: application.version,
  };
}

export function toReferenceDto(reference: ApplicationReferenceEntity, insider: boolean): ApplicationReferenceDto {
  return {
    id: reference.id,
    name: reference.name,
    relationship: reference.relationship,
    email: reference.email,
    phone: reference.phone,
    status: reference.status,
    notes: insider ? reference.notes : null,
    contactedAt: iso(reference.contactedAt),
    verifiedAt: iso(reference.verifiedAt),
    version: reference.version,
  };
}

export function toHomeVisitDto(visit: HomeVisitEntity, insider: boolean): HomeVisitDto {
  return {
    id: visit.id,
    scheduledAt: visit.scheduledAt.toISOString(),
    outcome: visit.outcome,
    notes: insider ? visit.notes : null,
    recordedAt: iso(visit.recordedAt),
    createdAt: visit.createdAt.toISOString(),
    version: visit.version,
  };
}

export interface ApplicationDetail {
  application: ApplicationEntity;
  questionSet: QuestionSetEntity;
  references: ApplicationReferenceEntity[];
  homeVisits: HomeVisitEntity[];
}

export function toApplicationDto(detail: ApplicationDetail, insider: boolean): ApplicationDto {
  const { application, questionSet } = detail;
  return {
    ...toApplicationSummaryDto(application),
    questionSet: { rescueId: questionSet.rescueId, version: questionSet.version },
    questions: questionSet.questions,
    answers: application.answers,
    references: detail.references.map((reference) => toReferenceDto(reference, insider)),
    homeVisits: detail.homeVisits.map((visit) => toHomeVisitDto(visit, insider)),
    decidedAt: iso(application.decidedAt),
    closedAt: iso(application.closedAt),
    createdAt: application.createdAt.toISOString(),
  };
}

export function toHistoryEntryDto(entry: ApplicationStatusHistoryEntity, insider: boolean): ApplicationHistoryEntryDto {
  return {
    id: entry.id,
    from: entry.fromStatus,
    to: entry.toStatus,
    actorId: entry.actorId,
    note: insider ? entry.note : null,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  };
}

export function toDraftDto(draft: ApplicationDraftEntity): ApplicationDraftDto {
  return {
    id: draft.id,
    petId: draft.petId,
    answers: draft.answers,
    references: draft.references,
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
    version: draft.version,
  };
}

export function toMessageDto(message: ApplicationMessageEntity): ApplicationMessageDto {
  return {
    id: message.id,
    applicationId: message.applicationId,
    sequence: message.sequence,
    senderId: message.senderId,
    senderSide: message.senderSide,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
  };
}
