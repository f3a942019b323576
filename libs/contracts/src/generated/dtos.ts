// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.
/* eslint-disable */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsDefined, IsEmail, IsEnum, IsISO8601, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsRFC3339, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';

/** Derived from the (estimated) birth date when the request is answered; baby under 6 months, young under 2 years, adult under 8 years, senior from 8 years. */
export const AgeGroup = {
  Baby: "baby",
  Young: "young",
  Adult: "adult",
  Senior: "senior",
} as const;
export type AgeGroup = (typeof AgeGroup)[keyof typeof AgeGroup];

export const Species = {
  Dog: "dog",
  Cat: "cat",
  Rabbit: "rabbit",
  Bird: "bird",
  SmallMammal: "small_mammal",
  Reptile: "reptile",
  Other: "other",
} as const;
export type Species = (typeof Species)[keyof typeof Species];

export const Availability = {
  Available: "available",
  OnHold: "on_hold",
  Pending: "pending",
  Adopted: "adopted",
  Fostered: "fostered",
  NotAvailable: "not_available",
} as const;
export type Availability = (typeof Availability)[keyof typeof Availability];

export const PetOwnerType = {
  Rescue: "rescue",
  Individual: "individual",
} as const;
export type PetOwnerType = (typeof PetOwnerType)[keyof typeof PetOwnerType];

/** submitted → under_review → (reference_check, home_visit, in any order, optional) → approved or rejected; an application may be waitlisted before approval (by the owner side, or when another is approved and the rescue keeps a waitlist), and reopened later; withdrawn by the applicant from any open state; approved → completed (adoption finalised) or cancelled. Open states: submitted, under_review, reference_check, home_visit, waitlisted, approved. */
export const ApplicationStatus = {
  Submitted: "submitted",
  UnderReview: "under_review",
  ReferenceCheck: "reference_check",
  HomeVisit: "home_visit",
  Waitlisted: "waitlisted",
  Approved: "approved",
  Rejected: "rejected",
  Withdrawn: "withdrawn",
  Completed: "completed",
  Cancelled: "cancelled",
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

/** applicant, or owner (the rescue's staff or the rehomer). */
export const MessageSide = {
  Applicant: "applicant",
  Owner: "owner",
} as const;
export type MessageSide = (typeof MessageSide)[keyof typeof MessageSide];

/** core questions come from the platform's library (their wording is the library's); custom questions are a rescue's own. */
export const QuestionSource = {
  Core: "core",
  Custom: "custom",
} as const;
export type QuestionSource = (typeof QuestionSource)[keyof typeof QuestionSource];

/** How an answer is given: text (≤ 500 characters), long_text (≤ 5,000), yes_no (boolean), single_choice (one of options), multiple_choice (a list of distinct options), number (within minimum/maximum), date (YYYY-MM-DD). */
export const QuestionType = {
  Text: "text",
  LongText: "long_text",
  YesNo: "yes_no",
  SingleChoice: "single_choice",
  MultipleChoice: "multiple_choice",
  Number: "number",
  Date: "date",
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];

/** pending → contacted → verified (verified may also be recorded directly). */
export const ReferenceStatus = {
  Pending: "pending",
  Contacted: "contacted",
  Verified: "verified",
} as const;
export type ReferenceStatus = (typeof ReferenceStatus)[keyof typeof ReferenceStatus];

/** start_review: submitted → under_review. start_reference_check: under_review or home_visit → reference_check. start_home_visit: under_review or reference_check → home_visit. approve: under_review, reference_check or home_visit → approved. waitlist: submitted, under_review, reference_check or home_visit → waitlisted. reopen: waitlisted → under_review. reject: any open state before approval → rejected. complete / cancel: approved → completed / cancelled. withdraw (the applicant): any open state → withdrawn. Every other action is owner side (a rescue's admins and staff, or the rehomer). */
export const ReviewAction = {
  StartReview: "start_review",
  StartReferenceCheck: "start_reference_check",
  StartHomeVisit: "start_home_visit",
  Approve: "approve",
  Waitlist: "waitlist",
  Reopen: "reopen",
  Reject: "reject",
  Complete: "complete",
  Cancel: "cancel",
  Withdraw: "withdraw",
} as const;
export type ReviewAction = (typeof ReviewAction)[keyof typeof ReviewAction];

/** adopter: browses and applies. rehomer: an individual listing a pet of their own. rescue_staff / rescue_admin:
members of a rescue (their rescue-level role is held per rescue). moderator: reviews listings and reports.
admin and super_admin: run the platform; only a super_admin grants admin roles. */
export const Role = {
  Adopter: "adopter",
  Rehomer: "rehomer",
  RescueStaff: "rescue_staff",
  RescueAdmin: "rescue_admin",
  Moderator: "moderator",
  Admin: "admin",
  SuperAdmin: "super_admin",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const CoatLength = {
  Hairless: "hairless",
  Short: "short",
  Medium: "medium",
  Long: "long",
  Wire: "wire",
  Curly: "curly",
} as const;
export type CoatLength = (typeof CoatLength)[keyof typeof CoatLength];

export const MedicalRecordType = {
  Vaccination: "vaccination",
  Treatment: "treatment",
  Surgery: "surgery",
  Checkup: "checkup",
  Test: "test",
} as const;
export type MedicalRecordType = (typeof MedicalRecordType)[keyof typeof MedicalRecordType];

export const PetSex = {
  Male: "male",
  Female: "female",
  Unknown: "unknown",
} as const;
export type PetSex = (typeof PetSex)[keyof typeof PetSex];

export const PetSize = {
  Small: "small",
  Medium: "medium",
  Large: "large",
  ExtraLarge: "extra_large",
} as const;
export type PetSize = (typeof PetSize)[keyof typeof PetSize];

export const EnergyLevel = {
  Low: "low",
  Moderate: "moderate",
  High: "high",
} as const;
export type EnergyLevel = (typeof EnergyLevel)[keyof typeof EnergyLevel];

/** Stable machine-readable failure code. */
export const ErrorCode = {
  ValidationFailed: "VALIDATION_FAILED",
  NotFound: "NOT_FOUND",
  VersionConflict: "VERSION_CONFLICT",
  InvalidTransition: "INVALID_TRANSITION",
  ApplicationExists: "APPLICATION_EXISTS",
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  IdempotencyRequestInProgress: "IDEMPOTENCY_REQUEST_IN_PROGRESS",
  Unauthenticated: "UNAUTHENTICATED",
  TokenStale: "TOKEN_STALE",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  RateLimited: "RATE_LIMITED",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  UnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  MethodNotAllowed: "METHOD_NOT_ALLOWED",
  RequestTimeout: "REQUEST_TIMEOUT",
  RequestHeadersTooLarge: "REQUEST_HEADERS_TOO_LARGE",
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  Internal: "INTERNAL",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** scheduled → passed, failed or cancelled. */
export const HomeVisitOutcome = {
  Scheduled: "scheduled",
  Passed: "passed",
  Failed: "failed",
  Cancelled: "cancelled",
} as const;
export type HomeVisitOutcome = (typeof HomeVisitOutcome)[keyof typeof HomeVisitOutcome];

/** A member's role within one rescue. */
export const StaffRole = {
  Admin: "admin",
  Staff: "staff",
  Volunteer: "volunteer",
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const JobStatus = {
  Queued: "queued",
  Running: "running",
  Succeeded: "succeeded",
  Failed: "failed",
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/** submit: draft → submitted (rehomer). publish: draft or submitted → published (staff of a verified rescue, or a moderator for submitted listings). return: submitted → draft with a reason (moderator). retire: published → retired (owner or moderator). */
export const ListingAction = {
  Submit: "submit",
  Publish: "publish",
  Return: "return",
  Retire: "retire",
} as const;
export type ListingAction = (typeof ListingAction)[keyof typeof ListingAction];

/** draft → submitted → published → retired. A verified rescue's staff publish directly; a rehomer's listing is submitted and published (or returned to draft with a reason) by a moderator. */
export const ListingStatus = {
  Draft: "draft",
  Submitted: "submitted",
  Published: "published",
  Retired: "retired",
} as const;
export type ListingStatus = (typeof ListingStatus)[keyof typeof ListingStatus];

/** `body` returns the refresh token in the JSON body (mobile and server clients). `cookie` sets it in an
httpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth and leaves it out of the body (browsers). */
export const RefreshTokenTransport = {
  Body: "body",
  Cookie: "cookie",
} as const;
export type RefreshTokenTransport = (typeof RefreshTokenTransport)[keyof typeof RefreshTokenTransport];

/** What happened. Each type belongs to one preference category (applicationUpdates, messages, petUpdates). */
export const NotificationType = {
  ApplicationSubmitted: "application_submitted",
  ApplicationStatusChanged: "application_status_changed",
  ApplicationAssigned: "application_assigned",
  MessageReceived: "message_received",
  FavoritePetStatusChanged: "favorite_pet_status_changed",
} as const;
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];

/** Kind of record a notification is about; `link` is its API path. */
export const NotificationResourceType = {
  Application: "application",
  Pet: "pet",
} as const;
export type NotificationResourceType = (typeof NotificationResourceType)[keyof typeof NotificationResourceType];

export const PetHistoryKind = {
  Listing: "listing",
  Availability: "availability",
} as const;
export type PetHistoryKind = (typeof PetHistoryKind)[keyof typeof PetHistoryKind];

/** distance needs lat and lng. */
export const PetSort = {
  Newest: "newest",
  Oldest: "oldest",
  Name: "name",
  Distance: "distance",
} as const;
export type PetSort = (typeof PetSort)[keyof typeof PetSort];

/** Events the server emits on the `/realtime` Socket.IO namespace (connect with `auth: { token: <access token> }`):
`notification.created` (RealtimeNotificationEvent), `application.message` (RealtimeApplicationMessageEvent) and
`session.ended` (Error, sent just before the server disconnects the socket: code UNAUTHENTICATED because its
session ended or its access token expired, or TOKEN_STALE because the account's role changed; reconnect with a
fresh token). A refused connection's
`connect_error` carries an Error in `data`. Clients send no events. */
export const RealtimeEventName = {
  NotificationCreated: "notification.created",
  ApplicationMessage: "application.message",
  SessionEnded: "session.ended",
} as const;
export type RealtimeEventName = (typeof RealtimeEventName)[keyof typeof RealtimeEventName];

/** pending until an admin verifies the rescue; only verified rescues can publish pets. */
export const RescueStatus = {
  Pending: "pending",
  Verified: "verified",
  Rejected: "rejected",
} as const;
export type RescueStatus = (typeof RescueStatus)[keyof typeof RescueStatus];

/** pending_deletion lasts the 30-day grace period of a deletion request; deleted accounts are anonymised. */
export const UserStatus = {
  Active: "active",
  Deactivated: "deactivated",
  PendingDeletion: "pending_deletion",
  Deleted: "deleted",
} as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

@ApiSchema({ name: "AcceptInvitationRequest" })
export class AcceptInvitationRequestDto {
  @ApiProperty({ type: String, minLength: 20, maxLength: 200 })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;
}

@ApiSchema({ name: "Accepted" })
export class AcceptedDto {
  @ApiProperty({ enum: ["accepted"] })
  @IsIn(["accepted"])
  status!: "accepted";
}

@ApiSchema({ name: "ApplicationPet" })
export class ApplicationPetDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String })
  @IsString()
  primaryBreed!: string;

  @ApiProperty({ enum: Availability, enumName: "Availability" })
  @IsEnum(Availability)
  availability!: Availability;
}

@ApiSchema({ name: "ApplicationApplicant" })
export class ApplicationApplicantDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;
}

@ApiSchema({ name: "PetOwner" })
export class PetOwnerDto {
  @ApiProperty({ enum: PetOwnerType, enumName: "PetOwnerType" })
  @IsEnum(PetOwnerType)
  type!: PetOwnerType;

  /** The owning rescue, for rescue pets. */
  @ApiProperty({ description: "The owning rescue, for rescue pets.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  rescueId!: string | null;

  /** The rehomer, for individual listings. */
  @ApiProperty({ description: "The rehomer, for individual listings.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  userId!: string | null;
}

/** The form version an application answered. A rescue that had not saved a form of its own (version 0 of its form) used the core library, so its applications name the core library's version. */
@ApiSchema({ name: "ApplicationQuestionSetRef" })
export class ApplicationQuestionSetRefDto {
  /** null for the core library. */
  @ApiProperty({ description: "null for the core library.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  rescueId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "Application" })
export class ApplicationDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: () => ApplicationPetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationPetDto)
  pet!: ApplicationPetDto;

  @ApiProperty({ type: () => ApplicationApplicantDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationApplicantDto)
  applicant!: ApplicationApplicantDto;

  @ApiProperty({ type: () => PetOwnerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetOwnerDto)
  owner!: PetOwnerDto;

  @ApiProperty({ enum: ApplicationStatus, enumName: "ApplicationStatus" })
  @IsEnum(ApplicationStatus)
  status!: ApplicationStatus;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  statusReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  assigneeId!: string | null;

  @ApiProperty({ type: () => ApplicationQuestionSetRefDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationQuestionSetRefDto)
  questionSet!: ApplicationQuestionSetRefDto;

  /** The questions of the form version this application answered. */
  @ApiProperty({ description: "The questions of the form version this application answered.", isArray: true, type: () => ApplicationQuestionDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationQuestionDto)
  questions!: Array<ApplicationQuestionDto>;

  /** Answers by question key. */
  @ApiProperty({ description: "Answers by question key.", type: Object, additionalProperties: true })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiProperty({ isArray: true, type: () => ApplicationReferenceDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceDto)
  references!: Array<ApplicationReferenceDto>;

  /** Oldest first. */
  @ApiProperty({ description: "Oldest first.", isArray: true, type: () => HomeVisitDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HomeVisitDto)
  homeVisits!: Array<HomeVisitDto>;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  submittedAt!: string;

  /** When it was approved or rejected. */
  @ApiProperty({ description: "When it was approved or rejected.", type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  decidedAt!: string | null;

  /** When it left the open states (rejected, withdrawn, completed, cancelled). */
  @ApiProperty({ description: "When it left the open states (rejected, withdrawn, completed, cancelled).", type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  closedAt!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "ApplicationDraft" })
export class ApplicationDraftDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  petId!: string;

  @ApiProperty({ type: Object, additionalProperties: true })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiProperty({ isArray: true, type: () => ApplicationReferenceInputDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceInputDto)
  references!: Array<ApplicationReferenceInputDto>;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "ApplicationDraftPage" })
export class ApplicationDraftPageDto {
  @ApiProperty({ isArray: true, type: () => ApplicationDraftDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationDraftDto)
  items!: Array<ApplicationDraftDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "ApplicationHistoryEntry" })
export class ApplicationHistoryEntryDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  /** null for the submission. */
  @ApiProperty({ description: "null for the submission.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  from!: string | null;

  @ApiProperty({ type: String })
  @IsString()
  to!: string;

  /** null when the platform made the change (e.g. other applications closed by an approval). */
  @ApiProperty({ description: "null when the platform made the change (e.g. other applications closed by an approval).", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  actorId!: string | null;

  /** The owner side's internal note; null for the applicant. */
  @ApiProperty({ description: "The owner side's internal note; null for the applicant.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  note!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  reason!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "ApplicationHistoryPage" })
export class ApplicationHistoryPageDto {
  @ApiProperty({ isArray: true, type: () => ApplicationHistoryEntryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationHistoryEntryDto)
  items!: Array<ApplicationHistoryEntryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "ApplicationMessage" })
export class ApplicationMessageDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  applicationId!: string;

  /** Position in the thread (1, 2, 3, … in the order sent), for spotting and fetching missed messages. */
  @ApiProperty({ description: "Position in the thread (1, 2, 3, … in the order sent), for spotting and fetching missed messages.", type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  sequence!: number;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  senderId!: string | null;

  @ApiProperty({ enum: MessageSide, enumName: "MessageSide" })
  @IsEnum(MessageSide)
  senderSide!: MessageSide;

  @ApiProperty({ type: String })
  @IsString()
  body!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "ApplicationMessagePage" })
export class ApplicationMessagePageDto {
  @ApiProperty({ isArray: true, type: () => ApplicationMessageDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationMessageDto)
  items!: Array<ApplicationMessageDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "ApplicationQuestion" })
export class ApplicationQuestionDto {
  /** The key of the answer in `answers`. */
  @ApiProperty({ description: "The key of the answer in `answers`.", type: String })
  @IsString()
  key!: string;

  @ApiProperty({ enum: QuestionSource, enumName: "QuestionSource" })
  @IsEnum(QuestionSource)
  source!: QuestionSource;

  @ApiProperty({ enum: QuestionType, enumName: "QuestionType" })
  @IsEnum(QuestionType)
  type!: QuestionType;

  @ApiProperty({ type: String })
  @IsString()
  prompt!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  helpText!: string | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  required!: boolean;

  /** The choices of single_choice and multiple_choice questions; empty otherwise. */
  @ApiProperty({ description: "The choices of single_choice and multiple_choice questions; empty otherwise.", isArray: true, type: String })
  @IsArray()
  @IsString({ each: true })
  options!: Array<string>;

  /** Smallest accepted answer of a number question. */
  @ApiProperty({ description: "Smallest accepted answer of a number question.", type: Number, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minimum!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maximum!: number | null;
}

/** A question of a rescue's form. core: key names a library question (see GET /application-questions); only required may differ from the library, so type, prompt, helpText, options, minimum and maximum must be left out. custom: key (not a library key), type and prompt are required; options (2–20 distinct) only and always for choice questions; minimum/maximum only for number questions. */
@ApiSchema({ name: "ApplicationQuestionInput" })
export class ApplicationQuestionInputDto {
  @ApiProperty({ type: String, pattern: "^[a-z][a-z0-9_]{1,49}$" })
  @IsString()
  @Matches(new RegExp("^[a-z][a-z0-9_]{1,49}$"))
  key!: string;

  @ApiProperty({ enum: QuestionSource, enumName: "QuestionSource" })
  @IsEnum(QuestionSource)
  source!: QuestionSource;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  required!: boolean;

  @ApiProperty({ required: false, enum: QuestionType, enumName: "QuestionType" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(QuestionType)
  type?: QuestionType;

  @ApiProperty({ required: false, type: String, minLength: 3, maxLength: 300 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  prompt?: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  helpText?: string | null;

  @ApiProperty({ required: false, isArray: true, type: String, minLength: 1, maxLength: 100, maxItems: 20 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  options?: Array<string>;

  @ApiProperty({ required: false, type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minimum?: number | null;

  @ApiProperty({ required: false, type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maximum?: number | null;
}

/** An application form. A rescue that never saved its own form uses the core library (version 0); each save makes a new version, and every application keeps the version it answered. */
@ApiSchema({ name: "ApplicationQuestionSet" })
export class ApplicationQuestionSetDto {
  /** null for the core library (the form of individual rehomers' pets). */
  @ApiProperty({ description: "null for the core library (the form of individual rehomers' pets).", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  rescueId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ isArray: true, type: () => ApplicationQuestionDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationQuestionDto)
  questions!: Array<ApplicationQuestionDto>;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

@ApiSchema({ name: "ApplicationReference" })
export class ApplicationReferenceDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ type: String })
  @IsString()
  relationship!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  phone!: string | null;

  @ApiProperty({ enum: ReferenceStatus, enumName: "ReferenceStatus" })
  @IsEnum(ReferenceStatus)
  status!: ReferenceStatus;

  /** The owner side's notes; null for the applicant. */
  @ApiProperty({ description: "The owner side's notes; null for the applicant.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  notes!: string | null;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  contactedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  verifiedAt!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** A person who can vouch for the applicant; give an e-mail address or a phone number (or both). */
@ApiSchema({ name: "ApplicationReferenceInput" })
export class ApplicationReferenceInputDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  relationship!: string;

  @ApiProperty({ required: false, type: String, nullable: true, format: "email", maxLength: 254 })
  @IsOptional()
  @IsEmail({})
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, pattern: "^\\+?[0-9 ()-]{6,32}$" })
  @IsOptional()
  @IsString()
  @Matches(new RegExp("^\\+?[0-9 ()-]{6,32}$"))
  phone?: string | null;
}

@ApiSchema({ name: "ApplicationSummary" })
export class ApplicationSummaryDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: () => ApplicationPetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationPetDto)
  pet!: ApplicationPetDto;

  @ApiProperty({ type: () => ApplicationApplicantDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationApplicantDto)
  applicant!: ApplicationApplicantDto;

  @ApiProperty({ type: () => PetOwnerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetOwnerDto)
  owner!: PetOwnerDto;

  @ApiProperty({ enum: ApplicationStatus, enumName: "ApplicationStatus" })
  @IsEnum(ApplicationStatus)
  status!: ApplicationStatus;

  /** The reason given with the last status change (e.g. "pet adopted"). */
  @ApiProperty({ description: "The reason given with the last status change (e.g. \"pet adopted\").", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  statusReason!: string | null;

  /** The rescue member reviewing it. */
  @ApiProperty({ description: "The rescue member reviewing it.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  assigneeId!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  submittedAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "ApplicationSummaryPage" })
export class ApplicationSummaryPageDto {
  @ApiProperty({ isArray: true, type: () => ApplicationSummaryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ApplicationSummaryDto)
  items!: Array<ApplicationSummaryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "AssignApplicationRequest" })
export class AssignApplicationRequestDto {
  /** An admin or staff member of the rescue; null unassigns. */
  @ApiProperty({ description: "An admin or staff member of the rescue; null unassigns.", type: String, nullable: true, pattern: "^[0-9a-f-]{36}$" })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  assigneeId!: string | null;

  @ApiProperty({ required: false, type: 'integer', minimum: 1 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@ApiSchema({ name: "AuditEntry" })
export class AuditEntryDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  actorId!: string | null;

  @ApiProperty({ type: String })
  @IsString()
  action!: string;

  @ApiProperty({ type: String })
  @IsString()
  targetType!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  targetId!: string | null;

  /** State before the change (any JSON, or null). */
  @ApiProperty({ description: "State before the change (any JSON, or null).", type: Array, anyOf: [{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object"},{"type":"array","items":{}},{"type":"null"}] })
  @Allow()
  before!: unknown;

  /** State after the change (any JSON, or null). */
  @ApiProperty({ description: "State after the change (any JSON, or null).", type: Array, anyOf: [{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object"},{"type":"array","items":{}},{"type":"null"}] })
  @Allow()
  after!: unknown;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  requestId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  ip!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "AuditEntryPage" })
export class AuditEntryPageDto {
  @ApiProperty({ isArray: true, type: () => AuditEntryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AuditEntryDto)
  items!: Array<AuditEntryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "AvailabilityChangeRequest" })
export class AvailabilityChangeRequestDto {
  @ApiProperty({ enum: Availability, enumName: "Availability" })
  @IsEnum(Availability)
  availability!: Availability;

  @ApiProperty({ required: false, type: String, maxLength: 1000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

/** Ten single-use codes, shown once; only their hashes are stored. */
@ApiSchema({ name: "BackupCodes" })
export class BackupCodesDto {
  @ApiProperty({ isArray: true, type: String, minItems: 10, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(10)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  codes!: Array<string>;
}

@ApiSchema({ name: "Breed" })
export class BreedDto {
  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;
}

@ApiSchema({ name: "BreedPage" })
export class BreedPageDto {
  @ApiProperty({ isArray: true, type: () => BreedDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BreedDto)
  items!: Array<BreedDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "BulkStatusItem" })
export class BulkStatusItemDto {
  @ApiProperty({ type: String })
  @IsString()
  applicationId!: string;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  ok!: boolean;

  /** The new status when ok. */
  @ApiProperty({ description: "The new status when ok.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  status!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  version!: number | null;

  /** The error code (as in the Error body) when not ok. */
  @ApiProperty({ description: "The error code (as in the Error body) when not ok.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  message!: string | null;
}

@ApiSchema({ name: "BulkStatusRequest" })
export class BulkStatusRequestDto {
  @ApiProperty({ isArray: true, type: String, pattern: "^[0-9a-f-]{36}$", minItems: 1, maxItems: 100, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(new RegExp("^[0-9a-f-]{36}$"), { each: true })
  applicationIds!: Array<string>;

  @ApiProperty({ enum: ReviewAction, enumName: "ReviewAction" })
  @IsEnum(ReviewAction)
  action!: ReviewAction;

  @ApiProperty({ required: false, type: String, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ required: false, type: String, maxLength: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** One result per id, in the order given; each id changed completely or not at all. */
@ApiSchema({ name: "BulkStatusResult" })
export class BulkStatusResultDto {
  @ApiProperty({ isArray: true, type: () => BulkStatusItemDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BulkStatusItemDto)
  results!: Array<BulkStatusItemDto>;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  succeeded!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  failed!: number;
}

@ApiSchema({ name: "ChangeApplicationStatusRequest" })
export class ChangeApplicationStatusRequestDto {
  @ApiProperty({ enum: ApplicationStatus, enumName: "ApplicationStatus" })
  @IsEnum(ApplicationStatus)
  status!: ApplicationStatus;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: String, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ required: false, type: String, maxLength: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@ApiSchema({ name: "ChangePasswordRequest" })
export class ChangePasswordRequestDto {
  @ApiProperty({ type: String, format: "password", minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ type: String, format: "password", minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  newPassword!: string;
}

@ApiSchema({ name: "ChangeRoleRequest" })
export class ChangeRoleRequestDto {
  @ApiProperty({ enum: Role, enumName: "Role" })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@ApiSchema({ name: "ConfigEntry" })
export class ConfigEntryDto {
  @ApiProperty({ type: String })
  @IsString()
  key!: string;

  /** Any JSON value. */
  @ApiProperty({ description: "Any JSON value.", type: Array, anyOf: [{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object"},{"type":"array","items":{}},{"type":"null"}] })
  @Allow()
  value!: unknown;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  isPublic!: boolean;

  @ApiProperty({ type: String })
  @IsString()
  description!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

@ApiSchema({ name: "ConfigEntryPage" })
export class ConfigEntryPageDto {
  @ApiProperty({ isArray: true, type: () => ConfigEntryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConfigEntryDto)
  items!: Array<ConfigEntryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

/** Answers are checked for type and choices against the pet's form, but required questions may be missing. */
@ApiSchema({ name: "CreateApplicationDraftRequest" })
export class CreateApplicationDraftRequestDto {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;

  @ApiProperty({ required: false, type: Object, additionalProperties: true })
  @ValidateIf((_object, value) => value !== undefined)
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiProperty({ required: false, isArray: true, type: () => ApplicationReferenceInputDto, maxItems: 5 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceInputDto)
  references?: Array<ApplicationReferenceInputDto>;
}

@ApiSchema({ name: "CreateMedicalRecordRequest" })
export class CreateMedicalRecordRequestDto {
  @ApiProperty({ enum: MedicalRecordType, enumName: "MedicalRecordType" })
  @IsEnum(MedicalRecordType)
  type!: MedicalRecordType;

  @ApiProperty({ type: String, format: "date" })
  @IsDateString({ strict: true })
  date!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 150 })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  vetName?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 150 })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  clinic?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@ApiSchema({ name: "PetLocation" })
export class PetLocationDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 16 })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  postcode!: string;

  @ApiProperty({ type: Number, nullable: true, minimum: -90, maximum: 90 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: -180, maximum: 180 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude!: number | null;
}

/** Omitted optional fields take defaults: mixedBreed false, colour "", coat short, energyLevel moderate, booleans false, unknowns null, temperament []. */
@ApiSchema({ name: "CreatePetRequest" })
export class CreatePetRequestDto {
  /** List for this rescue (its staff only); omit or null to list your own pet as an individual rehomer. */
  @ApiProperty({ required: false, description: "List for this rescue (its staff only); omit or null to list your own pet as an individual rehomer.", type: String, nullable: true })
  @IsOptional()
  @IsString()
  rescueId?: string | null;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  primaryBreed!: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  secondaryBreed?: string | null;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  mixedBreed?: boolean;

  /** Known birth date; otherwise give estimatedAgeMonths. */
  @ApiProperty({ required: false, description: "Known birth date; otherwise give estimatedAgeMonths.", type: String, nullable: true, format: "date" })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string | null;

  @ApiProperty({ required: false, type: 'integer', nullable: true, minimum: 0, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedAgeMonths?: number | null;

  @ApiProperty({ enum: PetSex, enumName: "PetSex" })
  @IsEnum(PetSex)
  sex!: PetSex;

  @ApiProperty({ enum: PetSize, enumName: "PetSize" })
  @IsEnum(PetSize)
  size!: PetSize;

  @ApiProperty({ required: false, type: String, maxLength: 50 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(50)
  colour?: string;

  @ApiProperty({ required: false, enum: CoatLength, enumName: "CoatLength" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(CoatLength)
  coat?: CoatLength;

  @ApiProperty({ required: false, type: Number, nullable: true, minimum: 0, maximum: 500 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500)
  weightKg?: number | null;

  @ApiProperty({ type: String, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  description!: string;

  @ApiProperty({ required: false, isArray: true, type: String, minLength: 1, maxLength: 40, maxItems: 20, uniqueItems: true })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  temperament?: Array<string>;

  /** null when unknown. */
  @ApiProperty({ required: false, description: "null when unknown.", type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithChildren?: boolean | null;

  @ApiProperty({ required: false, type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithDogs?: boolean | null;

  @ApiProperty({ required: false, type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithCats?: boolean | null;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  houseTrained?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  specialNeeds?: boolean;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  specialNeedsNotes?: string | null;

  @ApiProperty({ required: false, enum: EnergyLevel, enumName: "EnergyLevel" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(EnergyLevel)
  energyLevel?: EnergyLevel;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  vaccinated?: boolean;

  /** Spayed or neutered. */
  @ApiProperty({ required: false, description: "Spayed or neutered.", type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  neutered?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  microchipped?: boolean;

  @ApiProperty({ required: false, type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  adoptionFee?: number | null;

  @ApiProperty({ type: () => PetLocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetLocationDto)
  location!: PetLocationDto;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  featured?: boolean;

  @ApiProperty({ required: false, type: String, nullable: true, format: "date" })
  @IsOptional()
  @IsDateString({ strict: true })
  intakeDate?: string | null;
}

@ApiSchema({ name: "CreateRescueRequest" })
export class CreateRescueRequestDto {
  @ApiProperty({ type: String, minLength: 2, maxLength: 150 })
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name!: string;

  @ApiProperty({ type: String, maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  @ApiProperty({ required: false, type: String, nullable: true, pattern: "^[+0-9 ()-]{3,32}$" })
  @IsOptional()
  @IsString()
  @Matches(new RegExp("^[+0-9 ()-]{3,32}$"))
  phone?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, format: "uri", maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsUrl({ require_tld: false })
  @MaxLength(300)
  website?: string | null;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 16 })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  postcode!: string;

  /** ISO 3166-1 alpha-2; defaults to GB. */
  @ApiProperty({ required: false, description: "ISO 3166-1 alpha-2; defaults to GB.", type: String, pattern: "^[A-Z]{2}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[A-Z]{2}$"))
  country?: string;
}

@ApiSchema({ name: "EmailRequest" })
export class EmailRequestDto {
  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;
}

/** The one error body of the API. */
@ApiSchema({ name: "Error" })
export class ErrorDto {
  @ApiProperty({ enum: ErrorCode, enumName: "ErrorCode" })
  @IsEnum(ErrorCode)
  code!: ErrorCode;

  /** Human-readable explanation; safe to show, never contains internals. */
  @ApiProperty({ description: "Human-readable explanation; safe to show, never contains internals.", type: String })
  @IsString()
  message!: string;

  /** Structured context. `VALIDATION_FAILED` carries `fields` (a list of `{ field, constraints }`), or `maxDepth` for a JSON body nested deeper than the server accepts; `VERSION_CONFLICT` carries `currentVersion`, `METHOD_NOT_ALLOWED` the `allowed` methods (also in the `Allow` header), `SERVICE_UNAVAILABLE` from /readyz names the failing `checks`. */
  @ApiProperty({ description: "Structured context. `VALIDATION_FAILED` carries `fields` (a list of `{ field, constraints }`), or `maxDepth`\nfor a JSON body nested deeper than the server accepts; `VERSION_CONFLICT` carries `currentVersion`,\n`METHOD_NOT_ALLOWED` the `allowed` methods (also in the `Allow` header), `SERVICE_UNAVAILABLE` from /readyz\nnames the failing `checks`.", type: Object, additionalProperties: true })
  @IsObject()
  details!: Record<string, unknown>;
}

@ApiSchema({ name: "Feature" })
export class FeatureDto {
  @ApiProperty({ type: String, pattern: "^[a-z][a-z0-9_.-]{1,63}$" })
  @IsString()
  @Matches(new RegExp("^[a-z][a-z0-9_.-]{1,63}$"))
  key!: string;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ type: String, maxLength: 500 })
  @IsString()
  @MaxLength(500)
  description!: string;

  /** Optimistic-lock version; send it as `expectedVersion` when changing the flag. */
  @ApiProperty({ description: "Optimistic-lock version; send it as `expectedVersion` when changing the flag.", type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

@ApiSchema({ name: "FeaturePage" })
export class FeaturePageDto {
  @ApiProperty({ isArray: true, type: () => FeatureDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FeatureDto)
  items!: Array<FeatureDto>;

  /** Opaque cursor of the next page; null on the last page. */
  @ApiProperty({ description: "Opaque cursor of the next page; null on the last page.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "HealthStatus" })
export class HealthStatusDto {
  @ApiProperty({ enum: ["ok"] })
  @IsIn(["ok"])
  status!: "ok";

  /** Outcome of each dependency check (empty for liveness). */
  @ApiProperty({ description: "Outcome of each dependency check (empty for liveness).", type: Object, additionalProperties: {"type":"string","enum":["up"]} })
  @IsObject()
  checks!: Record<string, "up">;
}

@ApiSchema({ name: "HomeVisit" })
export class HomeVisitDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @ApiProperty({ enum: HomeVisitOutcome, enumName: "HomeVisitOutcome" })
  @IsEnum(HomeVisitOutcome)
  outcome!: HomeVisitOutcome;

  /** The owner side's notes; null for the applicant. */
  @ApiProperty({ description: "The owner side's notes; null for the applicant.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  notes!: string | null;

  /** When the outcome was recorded. */
  @ApiProperty({ description: "When the outcome was recorded.", type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  recordedAt!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "InviteStaffRequest" })
export class InviteStaffRequestDto {
  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: StaffRole, enumName: "StaffRole" })
  @IsEnum(StaffRole)
  role!: StaffRole;
}

@ApiSchema({ name: "Job" })
export class JobDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  type!: string;

  @ApiProperty({ enum: JobStatus, enumName: "JobStatus" })
  @IsEnum(JobStatus)
  status!: JobStatus;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  attempts!: number;

  @ApiProperty({ type: Object, nullable: true, additionalProperties: true })
  @ValidateIf((_object, value) => value !== null)
  @IsObject()
  result!: Record<string, unknown> | null;

  /** Set when the job failed: a stable code per job type (`EXPORT_FAILED` for a data export, `ACCOUNT_DELETION_FAILED`, `PET_STATUS_NOTIFICATION_FAILED`, `MAINTENANCE_FAILED`; `JOB_FAILED` for any other), or `ACCOUNT_DELETION_CANCELLED` when the owner withdrew their deletion request. The cause of a failure is never shown; it stays in the operators' logs. A failed attempt that will be retried leaves it null. */
  @ApiProperty({ description: "Set when the job failed: a stable code per job type (`EXPORT_FAILED` for a data export, `ACCOUNT_DELETION_FAILED`, `PET_STATUS_NOTIFICATION_FAILED`, `MAINTENANCE_FAILED`; `JOB_FAILED` for any other), or `ACCOUNT_DELETION_CANCELLED` when the owner withdrew their deletion request. The cause of a failure is never shown; it stays in the operators' logs. A failed attempt that will be retried leaves it null.", enum: ["EXPORT_FAILED","ACCOUNT_DELETION_FAILED","ACCOUNT_DELETION_CANCELLED","PET_STATUS_NOTIFICATION_FAILED","MAINTENANCE_FAILED","JOB_FAILED",null], nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(["EXPORT_FAILED","ACCOUNT_DELETION_FAILED","ACCOUNT_DELETION_CANCELLED","PET_STATUS_NOTIFICATION_FAILED","MAINTENANCE_FAILED","JOB_FAILED",null])
  errorCode!: "EXPORT_FAILED" | "ACCOUNT_DELETION_FAILED" | "ACCOUNT_DELETION_CANCELLED" | "PET_STATUS_NOTIFICATION_FAILED" | "MAINTENANCE_FAILED" | "JOB_FAILED" | null | null;

  /** Set when the job failed, with `errorCode`; a sentence written for the user, not a diagnosis. */
  @ApiProperty({ description: "Set when the job failed, with `errorCode`; a sentence written for the user, not a diagnosis.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  error!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  finishedAt!: string | null;
}

/** A long operation was accepted; follow it with `GET /api/v1/jobs/{jobId}`. */
@ApiSchema({ name: "JobAccepted" })
export class JobAcceptedDto {
  @ApiProperty({ type: String })
  @IsString()
  jobId!: string;
}

@ApiSchema({ name: "ListingActionRequest" })
export class ListingActionRequestDto {
  @ApiProperty({ enum: ListingAction, enumName: "ListingAction" })
  @IsEnum(ListingAction)
  action!: ListingAction;

  @ApiProperty({ required: false, type: String, maxLength: 1000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@ApiSchema({ name: "LoginRequest" })
export class LoginRequestDto {
  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  @ApiProperty({ type: String, format: "password", minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;

  @ApiProperty({ required: false, type: String, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(100)
  deviceName?: string;

  @ApiProperty({ required: false, enum: RefreshTokenTransport, enumName: "RefreshTokenTransport" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(RefreshTokenTransport)
  refreshTokenTransport?: RefreshTokenTransport;
}

@ApiSchema({ name: "TokenPair" })
export class TokenPairDto {
  @ApiProperty({ enum: ["Bearer"] })
  @IsIn(["Bearer"])
  tokenType!: "Bearer";

  /** JWT, valid 15 minutes. */
  @ApiProperty({ description: "JWT, valid 15 minutes.", type: String })
  @IsString()
  accessToken!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  accessTokenExpiresAt!: string;

  /** Opaque, single use; absent when delivered as a cookie. */
  @ApiProperty({ required: false, description: "Opaque, single use; absent when delivered as a cookie.", type: String })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  refreshToken?: string;

  /** When this refresh token lapses if unused (idle timeout, capped by the session's 30-day lifetime). */
  @ApiProperty({ description: "When this refresh token lapses if unused (idle timeout, capped by the session's 30-day lifetime).", type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  refreshTokenExpiresAt!: string;

  @ApiProperty({ type: String })
  @IsString()
  sessionId!: string;
}

/** Either `tokens` (status authenticated) or a two-factor `challengeToken` to complete with `POST /auth/2fa/verify`. */
@ApiSchema({ name: "LoginResult" })
export class LoginResultDto {
  @ApiProperty({ enum: ["authenticated","two_factor_required"] })
  @IsIn(["authenticated","two_factor_required"])
  status!: "authenticated" | "two_factor_required";

  @ApiProperty({ required: false, type: () => TokenPairDto })
  @ValidateIf((_object, value) => value !== undefined)
  @ValidateNested()
  @Type(() => TokenPairDto)
  tokens?: TokenPairDto;

  @ApiProperty({ required: false, type: String })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  challengeToken?: string;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  challengeExpiresAt?: string;
}

@ApiSchema({ name: "MedicalRecord" })
export class MedicalRecordDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  petId!: string;

  @ApiProperty({ enum: MedicalRecordType, enumName: "MedicalRecordType" })
  @IsEnum(MedicalRecordType)
  type!: MedicalRecordType;

  @ApiProperty({ type: String, format: "date" })
  @IsDateString({ strict: true })
  date!: string;

  @ApiProperty({ type: String })
  @IsString()
  title!: string;

  /** Owner side and admins only; null in the public summary. */
  @ApiProperty({ description: "Owner side and admins only; null in the public summary.", type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  vetName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  clinic!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  notes!: string | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  verified!: boolean;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  verifiedAt!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "MedicalRecordPage" })
export class MedicalRecordPageDto {
  @ApiProperty({ isArray: true, type: () => MedicalRecordDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MedicalRecordDto)
  items!: Array<MedicalRecordDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "MonthlyCount" })
export class MonthlyCountDto {
  @ApiProperty({ type: String, pattern: "^[0-9]{4}-[0-9]{2}$" })
  @IsString()
  @Matches(new RegExp("^[0-9]{4}-[0-9]{2}$"))
  month!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  count!: number;
}

/** Something that happened to a record the caller is involved in, in their in-app notification centre. */
@ApiSchema({ name: "Notification" })
export class NotificationDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ enum: NotificationType, enumName: "NotificationType" })
  @IsEnum(NotificationType)
  type!: NotificationType;

  @ApiProperty({ type: String, maxLength: 150 })
  @IsString()
  @MaxLength(150)
  title!: string;

  @ApiProperty({ type: String, maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  body!: string;

  /** API path of the record, e.g. `/api/v1/applications/{id}` or `/api/v1/pets/{id}`. */
  @ApiProperty({ description: "API path of the record, e.g. `/api/v1/applications/{id}` or `/api/v1/pets/{id}`.", type: String })
  @IsString()
  link!: string;

  @ApiProperty({ enum: NotificationResourceType, enumName: "NotificationResourceType" })
  @IsEnum(NotificationResourceType)
  resourceType!: NotificationResourceType;

  @ApiProperty({ type: String })
  @IsString()
  resourceId!: string;

  /** When the caller first marked it read; null while unread. */
  @ApiProperty({ description: "When the caller first marked it read; null while unread.", type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  readAt!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "NotificationChannels" })
export class NotificationChannelsDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  inApp!: boolean;
}

/** A page of notifications, newest first; `total` counts every notification matching the filter. */
@ApiSchema({ name: "NotificationPage" })
export class NotificationPageDto {
  @ApiProperty({ isArray: true, type: () => NotificationDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NotificationDto)
  items!: Array<NotificationDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

/** Channels per notification type. Security notices (password reset, lockout, new device) are always mailed. */
@ApiSchema({ name: "NotificationPreferences" })
export class NotificationPreferencesDto {
  @ApiProperty({ type: () => NotificationChannelsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationChannelsDto)
  applicationUpdates!: NotificationChannelsDto;

  @ApiProperty({ type: () => NotificationChannelsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationChannelsDto)
  messages!: NotificationChannelsDto;

  @ApiProperty({ type: () => NotificationChannelsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationChannelsDto)
  petUpdates!: NotificationChannelsDto;

  @ApiProperty({ type: () => NotificationChannelsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationChannelsDto)
  newsletter!: NotificationChannelsDto;
}

/** How many notifications this request marked read (those already read are not counted). */
@ApiSchema({ name: "NotificationsMarkedRead" })
export class NotificationsMarkedReadDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  marked!: number;
}

@ApiSchema({ name: "Pet" })
export class PetDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  primaryBreed!: string;

  @ApiProperty({ type: String, nullable: true, maxLength: 100 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(100)
  secondaryBreed!: string | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  mixedBreed!: boolean;

  /** Known birth date; otherwise give estimatedAgeMonths. */
  @ApiProperty({ description: "Known birth date; otherwise give estimatedAgeMonths.", type: String, nullable: true, format: "date" })
  @ValidateIf((_object, value) => value !== null)
  @IsDateString({ strict: true })
  birthDate!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 600 })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedAgeMonths!: number | null;

  @ApiProperty({ enum: PetSex, enumName: "PetSex" })
  @IsEnum(PetSex)
  sex!: PetSex;

  @ApiProperty({ enum: PetSize, enumName: "PetSize" })
  @IsEnum(PetSize)
  size!: PetSize;

  @ApiProperty({ type: String, maxLength: 50 })
  @IsString()
  @MaxLength(50)
  colour!: string;

  @ApiProperty({ enum: CoatLength, enumName: "CoatLength" })
  @IsEnum(CoatLength)
  coat!: CoatLength;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 500 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500)
  weightKg!: number | null;

  @ApiProperty({ type: String, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  description!: string;

  @ApiProperty({ isArray: true, type: String, minLength: 1, maxLength: 40, maxItems: 20, uniqueItems: true })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  temperament!: Array<string>;

  /** null when unknown. */
  @ApiProperty({ description: "null when unknown.", type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithChildren!: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithDogs!: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithCats!: boolean | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  houseTrained!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  specialNeeds!: boolean;

  @ApiProperty({ type: String, nullable: true, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  specialNeedsNotes!: string | null;

  @ApiProperty({ enum: EnergyLevel, enumName: "EnergyLevel" })
  @IsEnum(EnergyLevel)
  energyLevel!: EnergyLevel;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  vaccinated!: boolean;

  /** Spayed or neutered. */
  @ApiProperty({ description: "Spayed or neutered.", type: Boolean })
  @IsBoolean()
  neutered!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  microchipped!: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  adoptionFee!: number | null;

  @ApiProperty({ type: () => PetLocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetLocationDto)
  location!: PetLocationDto;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  featured!: boolean;

  @ApiProperty({ type: String, nullable: true, format: "date" })
  @ValidateIf((_object, value) => value !== null)
  @IsDateString({ strict: true })
  intakeDate!: string | null;

  @ApiProperty({ enum: AgeGroup, enumName: "AgeGroup" })
  @IsEnum(AgeGroup)
  ageGroup!: AgeGroup;

  @ApiProperty({ enum: ListingStatus, enumName: "ListingStatus" })
  @IsEnum(ListingStatus)
  listingStatus!: ListingStatus;

  @ApiProperty({ enum: Availability, enumName: "Availability" })
  @IsEnum(Availability)
  availability!: Availability;

  @ApiProperty({ type: () => PetOwnerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetOwnerDto)
  owner!: PetOwnerDto;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "PetHistoryEntry" })
export class PetHistoryEntryDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ enum: PetHistoryKind, enumName: "PetHistoryKind" })
  @IsEnum(PetHistoryKind)
  kind!: PetHistoryKind;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  from!: string | null;

  @ApiProperty({ type: String })
  @IsString()
  to!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  reason!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "PetHistoryPage" })
export class PetHistoryPageDto {
  @ApiProperty({ isArray: true, type: () => PetHistoryEntryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PetHistoryEntryDto)
  items!: Array<PetHistoryEntryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "PetSummary" })
export class PetSummaryDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  primaryBreed!: string;

  @ApiProperty({ enum: AgeGroup, enumName: "AgeGroup" })
  @IsEnum(AgeGroup)
  ageGroup!: AgeGroup;

  @ApiProperty({ enum: PetSex, enumName: "PetSex" })
  @IsEnum(PetSex)
  sex!: PetSex;

  @ApiProperty({ enum: PetSize, enumName: "PetSize" })
  @IsEnum(PetSize)
  size!: PetSize;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  featured!: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  adoptionFee!: number | null;

  @ApiProperty({ enum: ListingStatus, enumName: "ListingStatus" })
  @IsEnum(ListingStatus)
  listingStatus!: ListingStatus;

  @ApiProperty({ enum: Availability, enumName: "Availability" })
  @IsEnum(Availability)
  availability!: Availability;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String })
  @IsString()
  city!: string;

  @ApiProperty({ type: String })
  @IsString()
  region!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  rescueId!: string | null;

  /** Distance from the searched point, when the search gave one. */
  @ApiProperty({ description: "Distance from the searched point, when the search gave one.", type: Number, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  distanceKm!: number | null;
}

/** A page of pets. In search, `total` is exact up to 10,000 matches and 10,000 beyond (counting further costs more than it tells). */
@ApiSchema({ name: "PetSummaryPage" })
export class PetSummaryPageDto {
  @ApiProperty({ isArray: true, type: () => PetSummaryDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PetSummaryDto)
  items!: Array<PetSummaryDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "PublicConfig" })
export class PublicConfigDto {
  /** Public configuration values by key (e.g. `productName`, `pets.maxPhotos`). */
  @ApiProperty({ description: "Public configuration values by key (e.g. `productName`, `pets.maxPhotos`).", type: Object, additionalProperties: true })
  @IsObject()
  values!: Record<string, unknown>;

  /** Latest change among the public values (RFC 3339, UTC). */
  @ApiProperty({ description: "Latest change among the public values (RFC 3339, UTC).", type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

/** While enabled, e-mail of non-urgent notifications waits until the end of the window (in the user's timezone). */
@ApiSchema({ name: "QuietHours" })
export class QuietHoursDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ type: String, pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" })
  @IsString()
  @Matches(new RegExp("^([01][0-9]|2[0-3]):[0-5][0-9]$"))
  start!: string;

  @ApiProperty({ type: String, pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" })
  @IsString()
  @Matches(new RegExp("^([01][0-9]|2[0-3]):[0-5][0-9]$"))
  end!: string;
}

/** A message posted on an application, for everyone who may read its thread (the sender's other sockets too). */
@ApiSchema({ name: "RealtimeApplicationMessageEvent" })
export class RealtimeApplicationMessageEventDto {
  @ApiProperty({ type: String })
  @IsString()
  applicationId!: string;

  @ApiProperty({ type: () => ApplicationMessageDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationMessageDto)
  message!: ApplicationMessageDto;
}

/** A new notification in the recipient's centre, exactly as `GET /notifications/{id}` answers it, and the unread count after it. */
@ApiSchema({ name: "RealtimeNotificationEvent" })
export class RealtimeNotificationEventDto {
  @ApiProperty({ type: () => NotificationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationDto)
  notification!: NotificationDto;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  unreadCount!: number;
}

/** The refresh token in the body, or none when it travels in the cookie. */
@ApiSchema({ name: "RefreshRequest" })
export class RefreshRequestDto {
  @ApiProperty({ required: false, type: String, maxLength: 200 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  @ApiProperty({ required: false, enum: RefreshTokenTransport, enumName: "RefreshTokenTransport" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(RefreshTokenTransport)
  refreshTokenTransport?: RefreshTokenTransport;
}

@ApiSchema({ name: "RegisterRequest" })
export class RegisterRequestDto {
  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  /** 8–128 characters, never truncated; the 10,000 most common passwords are refused. */
  @ApiProperty({ description: "8–128 characters, never truncated; the 10,000 most common passwords are refused.", type: String, format: "password", minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

@ApiSchema({ name: "RejectRescueRequest" })
export class RejectRescueRequestDto {
  @ApiProperty({ type: String, minLength: 3, maxLength: 1000 })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

/** Answers and references replaced whole, validated against the form version the application answered. */
@ApiSchema({ name: "ReplaceApplicationRequest" })
export class ReplaceApplicationRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ type: Object, additionalProperties: true })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiProperty({ isArray: true, type: () => ApplicationReferenceInputDto, minItems: 1, maxItems: 5 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceInputDto)
  references!: Array<ApplicationReferenceInputDto>;
}

@ApiSchema({ name: "ReplacePetRequest" })
export class ReplacePetRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  primaryBreed!: string;

  @ApiProperty({ type: String, nullable: true, maxLength: 100 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(100)
  secondaryBreed!: string | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  mixedBreed!: boolean;

  /** Known birth date; otherwise give estimatedAgeMonths. */
  @ApiProperty({ description: "Known birth date; otherwise give estimatedAgeMonths.", type: String, nullable: true, format: "date" })
  @ValidateIf((_object, value) => value !== null)
  @IsDateString({ strict: true })
  birthDate!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 600 })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedAgeMonths!: number | null;

  @ApiProperty({ enum: PetSex, enumName: "PetSex" })
  @IsEnum(PetSex)
  sex!: PetSex;

  @ApiProperty({ enum: PetSize, enumName: "PetSize" })
  @IsEnum(PetSize)
  size!: PetSize;

  @ApiProperty({ type: String, maxLength: 50 })
  @IsString()
  @MaxLength(50)
  colour!: string;

  @ApiProperty({ enum: CoatLength, enumName: "CoatLength" })
  @IsEnum(CoatLength)
  coat!: CoatLength;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 500 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500)
  weightKg!: number | null;

  @ApiProperty({ type: String, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  description!: string;

  @ApiProperty({ isArray: true, type: String, minLength: 1, maxLength: 40, maxItems: 20, uniqueItems: true })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  temperament!: Array<string>;

  /** null when unknown. */
  @ApiProperty({ description: "null when unknown.", type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithChildren!: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithDogs!: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsBoolean()
  goodWithCats!: boolean | null;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  houseTrained!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  specialNeeds!: boolean;

  @ApiProperty({ type: String, nullable: true, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  specialNeedsNotes!: string | null;

  @ApiProperty({ enum: EnergyLevel, enumName: "EnergyLevel" })
  @IsEnum(EnergyLevel)
  energyLevel!: EnergyLevel;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  vaccinated!: boolean;

  /** Spayed or neutered. */
  @ApiProperty({ description: "Spayed or neutered.", type: Boolean })
  @IsBoolean()
  neutered!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  microchipped!: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  adoptionFee!: number | null;

  @ApiProperty({ type: () => PetLocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PetLocationDto)
  location!: PetLocationDto;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  featured!: boolean;

  @ApiProperty({ type: String, nullable: true, format: "date" })
  @ValidateIf((_object, value) => value !== null)
  @IsDateString({ strict: true })
  intakeDate!: string | null;
}

@ApiSchema({ name: "ReplaceQuestionSetRequest" })
export class ReplaceQuestionSetRequestDto {
  /** The version read (0 while the rescue uses the core library). */
  @ApiProperty({ description: "The version read (0 while the rescue uses the core library).", type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @ApiProperty({ isArray: true, type: () => ApplicationQuestionInputDto, minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ApplicationQuestionInputDto)
  questions!: Array<ApplicationQuestionInputDto>;
}

@ApiSchema({ name: "RescueSettings" })
export class RescueSettingsDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  defaultAdoptionFee!: number | null;

  @ApiProperty({ type: String, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  adoptionPolicy!: string;

  /** When an application is approved, keep the pet's other open applications on a waitlist instead of rejecting them. */
  @ApiProperty({ description: "When an application is approved, keep the pet's other open applications on a waitlist instead of rejecting them.", type: Boolean })
  @IsBoolean()
  waitlistOnApproval!: boolean;
}

/** Replaces every editable field (rescue admins). */
@ApiSchema({ name: "ReplaceRescueRequest" })
export class ReplaceRescueRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ type: String, minLength: 2, maxLength: 150 })
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name!: string;

  @ApiProperty({ type: String, maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ type: String, format: "email", maxLength: 254 })
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  @ApiProperty({ type: String, nullable: true, pattern: "^[+0-9 ()-]{3,32}$" })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Matches(new RegExp("^[+0-9 ()-]{3,32}$"))
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, format: "uri", maxLength: 300 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @IsUrl({ require_tld: false })
  @MaxLength(300)
  website!: string | null;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 16 })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  postcode!: string;

  @ApiProperty({ type: () => RescueSettingsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RescueSettingsDto)
  settings!: RescueSettingsDto;
}

/** Replaces every profile field. */
@ApiSchema({ name: "ReplaceUserRequest" })
export class ReplaceUserRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: String, nullable: true, pattern: "^[+0-9 ()-]{3,32}$", maxLength: 32 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(32)
  @Matches(new RegExp("^[+0-9 ()-]{3,32}$"))
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 100 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(100)
  city!: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  bio!: string | null;
}

@ApiSchema({ name: "Rescue" })
export class RescueDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ type: String })
  @IsString()
  description!: string;

  @ApiProperty({ type: String, format: "email" })
  @IsEmail({})
  email!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  website!: string | null;

  @ApiProperty({ type: String })
  @IsString()
  city!: string;

  @ApiProperty({ type: String })
  @IsString()
  region!: string;

  @ApiProperty({ type: String })
  @IsString()
  postcode!: string;

  @ApiProperty({ type: String })
  @IsString()
  country!: string;

  @ApiProperty({ enum: RescueStatus, enumName: "RescueStatus" })
  @IsEnum(RescueStatus)
  status!: RescueStatus;

  @ApiProperty({ type: String, nullable: true, format: "date-time" })
  @ValidateIf((_object, value) => value !== null)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  verifiedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  rejectionReason!: string | null;

  @ApiProperty({ type: () => RescueSettingsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RescueSettingsDto)
  settings!: RescueSettingsDto;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

@ApiSchema({ name: "RescueAnalytics" })
export class RescueAnalyticsDto {
  /** Count of the rescue's pets per listing status. */
  @ApiProperty({ description: "Count of the rescue's pets per listing status.", type: Object, additionalProperties: {"type":"integer"} })
  @IsObject()
  petsByListingStatus!: Record<string, number>;

  /** Count of the rescue's pets per availability. */
  @ApiProperty({ description: "Count of the rescue's pets per availability.", type: Object, additionalProperties: {"type":"integer"} })
  @IsObject()
  petsByAvailability!: Record<string, number>;

  /** The last 12 months, oldest first. */
  @ApiProperty({ description: "The last 12 months, oldest first.", isArray: true, type: () => MonthlyCountDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MonthlyCountDto)
  adoptionsPerMonth!: Array<MonthlyCountDto>;

  /** Median days from publication to adoption over the last 12 months; null without adoptions. */
  @ApiProperty({ description: "Median days from publication to adoption over the last 12 months; null without adoptions.", type: Number, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  medianDaysToAdoption!: number | null;

  /** Applications submitted over the last 12 months. */
  @ApiProperty({ description: "Applications submitted over the last 12 months.", type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  applicationsReceived!: number;

  /** Approvals made over the last 12 months (including ones cancelled since). */
  @ApiProperty({ description: "Approvals made over the last 12 months (including ones cancelled since).", type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  applicationsApproved!: number;
}

@ApiSchema({ name: "RescuePage" })
export class RescuePageDto {
  @ApiProperty({ isArray: true, type: () => RescueDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RescueDto)
  items!: Array<RescueDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "ResetPasswordRequest" })
export class ResetPasswordRequestDto {
  @ApiProperty({ type: String, minLength: 20, maxLength: 200 })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ type: String, format: "password", minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  newPassword!: string;
}

@ApiSchema({ name: "ReviewApplicationRequest" })
export class ReviewApplicationRequestDto {
  @ApiProperty({ enum: ReviewAction, enumName: "ReviewAction" })
  @IsEnum(ReviewAction)
  action!: ReviewAction;

  /** When given, the change applies only to this version (409 VERSION_CONFLICT with currentVersion otherwise). Without it the change still applies only from the state it was checked against. */
  @ApiProperty({ required: false, description: "When given, the change applies only to this version (409 VERSION_CONFLICT with currentVersion otherwise). Without it the change still applies only from the state it was checked against.", type: 'integer', minimum: 1 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  /** An internal note for the owner side; recorded in the history. */
  @ApiProperty({ required: false, description: "An internal note for the owner side; recorded in the history.", type: String, maxLength: 2000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(2000)
  note?: string;

  /** Shown to the applicant (e.g. why an application was rejected). */
  @ApiProperty({ required: false, description: "Shown to the applicant (e.g. why an application was rejected).", type: String, maxLength: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@ApiSchema({ name: "ScheduleHomeVisitRequest" })
export class ScheduleHomeVisitRequestDto {
  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

@ApiSchema({ name: "SendMessageRequest" })
export class SendMessageRequestDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body!: string;
}

@ApiSchema({ name: "Session" })
export class SessionDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  device!: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  ip!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  lastUsedAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  expiresAt!: string;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  current!: boolean;
}

@ApiSchema({ name: "SessionPage" })
export class SessionPageDto {
  @ApiProperty({ isArray: true, type: () => SessionDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  items!: Array<SessionDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "SpeciesInfo" })
export class SpeciesInfoDto {
  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;

  @ApiProperty({ type: String })
  @IsString()
  label!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  breedCount!: number;
}

@ApiSchema({ name: "SpeciesPage" })
export class SpeciesPageDto {
  @ApiProperty({ isArray: true, type: () => SpeciesInfoDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SpeciesInfoDto)
  items!: Array<SpeciesInfoDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

/** An invitation mailed to the invitee; it expires after 7 days. */
@ApiSchema({ name: "StaffInvitation" })
export class StaffInvitationDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String })
  @IsString()
  rescueId!: string;

  @ApiProperty({ type: String, format: "email" })
  @IsEmail({})
  email!: string;

  @ApiProperty({ enum: StaffRole, enumName: "StaffRole" })
  @IsEnum(StaffRole)
  role!: StaffRole;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  expiresAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;
}

@ApiSchema({ name: "StaffMember" })
export class StaffMemberDto {
  @ApiProperty({ type: String })
  @IsString()
  userId!: string;

  @ApiProperty({ type: String })
  @IsString()
  rescueId!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ type: String, format: "email" })
  @IsEmail({})
  email!: string;

  @ApiProperty({ enum: StaffRole, enumName: "StaffRole" })
  @IsEnum(StaffRole)
  role!: StaffRole;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  joinedAt!: string;
}

@ApiSchema({ name: "StaffMemberPage" })
export class StaffMemberPageDto {
  @ApiProperty({ isArray: true, type: () => StaffMemberDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StaffMemberDto)
  items!: Array<StaffMemberDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "SubmitApplicationRequest" })
export class SubmitApplicationRequestDto {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;

  /** Answers by question key (at most 60), validated against the pet's current form (GET /pets/{petId}/application-questions). */
  @ApiProperty({ description: "Answers by question key (at most 60), validated against the pet's current form (GET /pets/{petId}/application-questions).", type: Object, additionalProperties: true })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiProperty({ isArray: true, type: () => ApplicationReferenceInputDto, minItems: 1, maxItems: 5 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceInputDto)
  references!: Array<ApplicationReferenceInputDto>;
}

@ApiSchema({ name: "TwoFactorCodeRequest" })
export class TwoFactorCodeRequestDto {
  @ApiProperty({ type: String, pattern: "^[0-9]{6}$" })
  @IsString()
  @Matches(new RegExp("^[0-9]{6}$"))
  code!: string;
}

/** Give the current `code` or one unused `backupCode`. */
@ApiSchema({ name: "TwoFactorDisableRequest" })
export class TwoFactorDisableRequestDto {
  @ApiProperty({ required: false, type: String, pattern: "^[0-9]{6}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9]{6}$"))
  code?: string;

  @ApiProperty({ required: false, type: String, pattern: "^[a-z0-9]{10}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[a-z0-9]{10}$"))
  backupCode?: string;
}

/** Give `code` (from the authenticator app) or one unused `backupCode`. */
@ApiSchema({ name: "TwoFactorLoginRequest" })
export class TwoFactorLoginRequestDto {
  @ApiProperty({ type: String, maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  challengeToken!: string;

  @ApiProperty({ required: false, type: String, pattern: "^[0-9]{6}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9]{6}$"))
  code?: string;

  @ApiProperty({ required: false, type: String, pattern: "^[a-z0-9]{10}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[a-z0-9]{10}$"))
  backupCode?: string;

  @ApiProperty({ required: false, enum: RefreshTokenTransport, enumName: "RefreshTokenTransport" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(RefreshTokenTransport)
  refreshTokenTransport?: RefreshTokenTransport;
}

@ApiSchema({ name: "TwoFactorSetup" })
export class TwoFactorSetupDto {
  /** Base32 TOTP secret (SHA-1, 6 digits, 30 s). */
  @ApiProperty({ description: "Base32 TOTP secret (SHA-1, 6 digits, 30 s).", type: String })
  @IsString()
  secret!: string;

  @ApiProperty({ type: String })
  @IsString()
  otpauthUri!: string;
}

/** How many of the caller's notifications are unread. */
@ApiSchema({ name: "UnreadNotificationCount" })
export class UnreadNotificationCountDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  count!: number;
}

/** The fields present replace the draft's. */
@ApiSchema({ name: "UpdateApplicationDraftRequest" })
export class UpdateApplicationDraftRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: Object, additionalProperties: true })
  @ValidateIf((_object, value) => value !== undefined)
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiProperty({ required: false, isArray: true, type: () => ApplicationReferenceInputDto, maxItems: 5 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ApplicationReferenceInputDto)
  references?: Array<ApplicationReferenceInputDto>;
}

/** Changes an existing entry; entries themselves are created by migrations. */
@ApiSchema({ name: "UpdateConfigRequest" })
export class UpdateConfigRequestDto {
  /** Any JSON value. */
  @ApiProperty({ description: "Any JSON value.", type: Array, anyOf: [{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"object"},{"type":"array","items":{}},{"type":"null"}] })
  @Allow()
  value!: unknown;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  isPublic?: boolean;

  @ApiProperty({ required: false, type: String, maxLength: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@ApiSchema({ name: "UpdateFeatureRequest" })
export class UpdateFeatureRequestDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ required: false, type: String, maxLength: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

/** Reschedule (scheduledAt, while scheduled) or record the outcome (passed, failed or cancelled; final). */
@ApiSchema({ name: "UpdateHomeVisitRequest" })
export class UpdateHomeVisitRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  scheduledAt?: string;

  @ApiProperty({ required: false, enum: HomeVisitOutcome, enumName: "HomeVisitOutcome" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(HomeVisitOutcome)
  outcome?: HomeVisitOutcome;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

/** Changing a verified record makes it unverified again. */
@ApiSchema({ name: "UpdateMedicalRecordRequest" })
export class UpdateMedicalRecordRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, enum: MedicalRecordType, enumName: "MedicalRecordType" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(MedicalRecordType)
  type?: MedicalRecordType;

  @ApiProperty({ required: false, type: String, format: "date" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsDateString({ strict: true })
  date?: string;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 200 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 150 })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  vetName?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 150 })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  clinic?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@ApiSchema({ name: "UpdatePetRequest" })
export class UpdatePetRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiProperty({ required: false, enum: Species, enumName: "Species" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(Species)
  species?: Species;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  primaryBreed?: string;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  secondaryBreed?: string | null;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  mixedBreed?: boolean;

  /** Known birth date; otherwise give estimatedAgeMonths. */
  @ApiProperty({ required: false, description: "Known birth date; otherwise give estimatedAgeMonths.", type: String, nullable: true, format: "date" })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string | null;

  @ApiProperty({ required: false, type: 'integer', nullable: true, minimum: 0, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  estimatedAgeMonths?: number | null;

  @ApiProperty({ required: false, enum: PetSex, enumName: "PetSex" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(PetSex)
  sex?: PetSex;

  @ApiProperty({ required: false, enum: PetSize, enumName: "PetSize" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(PetSize)
  size?: PetSize;

  @ApiProperty({ required: false, type: String, maxLength: 50 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(50)
  colour?: string;

  @ApiProperty({ required: false, enum: CoatLength, enumName: "CoatLength" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(CoatLength)
  coat?: CoatLength;

  @ApiProperty({ required: false, type: Number, nullable: true, minimum: 0, maximum: 500 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500)
  weightKg?: number | null;

  @ApiProperty({ required: false, type: String, maxLength: 10000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({ required: false, isArray: true, type: String, minLength: 1, maxLength: 40, maxItems: 20, uniqueItems: true })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  temperament?: Array<string>;

  /** null when unknown. */
  @ApiProperty({ required: false, description: "null when unknown.", type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithChildren?: boolean | null;

  @ApiProperty({ required: false, type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithDogs?: boolean | null;

  @ApiProperty({ required: false, type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  goodWithCats?: boolean | null;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  houseTrained?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  specialNeeds?: boolean;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  specialNeedsNotes?: string | null;

  @ApiProperty({ required: false, enum: EnergyLevel, enumName: "EnergyLevel" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(EnergyLevel)
  energyLevel?: EnergyLevel;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  vaccinated?: boolean;

  /** Spayed or neutered. */
  @ApiProperty({ required: false, description: "Spayed or neutered.", type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  neutered?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  microchipped?: boolean;

  @ApiProperty({ required: false, type: Number, nullable: true, minimum: 0, maximum: 100000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  adoptionFee?: number | null;

  @ApiProperty({ required: false, type: () => PetLocationDto })
  @ValidateIf((_object, value) => value !== undefined)
  @ValidateNested()
  @Type(() => PetLocationDto)
  location?: PetLocationDto;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  featured?: boolean;

  @ApiProperty({ required: false, type: String, nullable: true, format: "date" })
  @IsOptional()
  @IsDateString({ strict: true })
  intakeDate?: string | null;
}

@ApiSchema({ name: "UpdatePreferencesRequest" })
export class UpdatePreferencesRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ type: () => NotificationPreferencesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notifications!: NotificationPreferencesDto;

  @ApiProperty({ type: () => QuietHoursDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto;

  @ApiProperty({ type: String, pattern: "^[a-z]{2}(-[A-Z]{2})?$" })
  @IsString()
  @Matches(new RegExp("^[a-z]{2}(-[A-Z]{2})?$"))
  locale!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  timezone!: string;
}

@ApiSchema({ name: "UpdateReferenceRequest" })
export class UpdateReferenceRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ enum: ReferenceStatus, enumName: "ReferenceStatus" })
  @IsEnum(ReferenceStatus)
  status!: ReferenceStatus;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

/** Changes some fields (rescue admins). */
@ApiSchema({ name: "UpdateRescueRequest" })
export class UpdateRescueRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: String, minLength: 2, maxLength: 150 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name?: string;

  @ApiProperty({ required: false, type: String, maxLength: 5000 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ required: false, type: String, format: "email", maxLength: 254 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEmail({})
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, type: String, nullable: true, pattern: "^[+0-9 ()-]{3,32}$" })
  @IsOptional()
  @IsString()
  @Matches(new RegExp("^[+0-9 ()-]{3,32}$"))
  phone?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, format: "uri", maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsUrl({ require_tld: false })
  @MaxLength(300)
  website?: string | null;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 16 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  postcode?: string;

  @ApiProperty({ required: false, type: () => RescueSettingsDto })
  @ValidateIf((_object, value) => value !== undefined)
  @ValidateNested()
  @Type(() => RescueSettingsDto)
  settings?: RescueSettingsDto;
}

/** Changes some profile fields. Role, status, email verification and version can never be set here. */
@ApiSchema({ name: "UpdateUserRequest" })
export class UpdateUserRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ required: false, type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiProperty({ required: false, type: String, nullable: true, pattern: "^[+0-9 ()-]{3,32}$", maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(new RegExp("^[+0-9 ()-]{3,32}$"))
  phone?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string | null;
}

@ApiSchema({ name: "User" })
export class UserDto {
  @ApiProperty({ type: String })
  @IsString()
  id!: string;

  @ApiProperty({ type: String, format: "email" })
  @IsEmail({})
  email!: string;

  @ApiProperty({ type: String })
  @IsString()
  name!: string;

  @ApiProperty({ enum: Role, enumName: "Role" })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ enum: UserStatus, enumName: "UserStatus" })
  @IsEnum(UserStatus)
  status!: UserStatus;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  emailVerified!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  twoFactorEnabled!: boolean;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  city!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  bio!: string | null;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** Everything the platform holds about a user, as of `generatedAt`; available for 7 days. */
@ApiSchema({ name: "UserDataExport" })
export class UserDataExportDto {
  @ApiProperty({ type: String })
  @IsString()
  jobId!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  generatedAt!: string;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  expiresAt!: string;

  @ApiProperty({ type: Object, additionalProperties: true })
  @IsObject()
  data!: Record<string, unknown>;
}

@ApiSchema({ name: "UserPage" })
export class UserPageDto {
  @ApiProperty({ isArray: true, type: () => UserDto })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => UserDto)
  items!: Array<UserDto>;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  total!: number;
}

@ApiSchema({ name: "UserPreferences" })
export class UserPreferencesDto {
  @ApiProperty({ type: () => NotificationPreferencesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NotificationPreferencesDto)
  notifications!: NotificationPreferencesDto;

  @ApiProperty({ type: () => QuietHoursDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto;

  @ApiProperty({ type: String, pattern: "^[a-z]{2}(-[A-Z]{2})?$" })
  @IsString()
  @Matches(new RegExp("^[a-z]{2}(-[A-Z]{2})?$"))
  locale!: string;

  /** IANA time zone, e.g. Europe/London. */
  @ApiProperty({ description: "IANA time zone, e.g. Europe/London.", type: String, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  timezone!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ type: String, format: "date-time" })
  @IsRFC3339()
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

@ApiSchema({ name: "VerifyEmailRequest" })
export class VerifyEmailRequestDto {
  @ApiProperty({ type: String, minLength: 20, maxLength: 200 })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;
}

export class GetFeatureParams {
  /** Key of the feature flag. */
  @ApiProperty({ description: "Key of the feature flag.", type: String, pattern: "^[a-z][a-z0-9_.-]{1,63}$" })
  @IsString()
  @Matches(new RegExp("^[a-z][a-z0-9_.-]{1,63}$"))
  feature!: string;
}

export class ListSessionsQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RevokeSessionParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  sessionId!: string;
}

export class ListUsersQuery {
  /** One or more roles (comma-separated or repeated). */
  @ApiProperty({ required: false, description: "One or more roles (comma-separated or repeated).", isArray: true, enum: Role, enumName: "Role", maxItems: 7 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(Role, { each: true })
  role?: Array<Role>;

  /** One or more statuses. */
  @ApiProperty({ required: false, description: "One or more statuses.", isArray: true, enum: UserStatus, enumName: "UserStatus", maxItems: 4 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(UserStatus, { each: true })
  status?: Array<UserStatus>;

  /** Text contained in the name or e-mail. */
  @ApiProperty({ required: false, description: "Text contained in the name or e-mail.", type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** Created at or after (RFC 3339). */
  @ApiProperty({ required: false, description: "Created at or after (RFC 3339).", type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  /** Created before (RFC 3339). */
  @ApiProperty({ required: false, description: "Created before (RFC 3339).", type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  createdTo?: string;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetUserParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class ReplaceUserParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class UpdateUserParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class RequestUserDeletionParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class CancelUserDeletionParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class GetUserPreferencesParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class UpdateUserPreferencesParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class ActivateUserParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class DeactivateUserParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class ChangeUserRoleParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class RequestUserDataExportParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class GetUserDataExportParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;

  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  jobId!: string;
}

export class GetJobParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  jobId!: string;
}

export class ListAuditEntriesQuery {
  @ApiProperty({ required: false, type: String, maxLength: 64 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @ApiProperty({ required: false, type: String, maxLength: 64 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @ApiProperty({ required: false, type: String, maxLength: 36 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(36)
  actorId?: string;

  @ApiProperty({ required: false, type: String, maxLength: 64 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(64)
  action?: string;

  /** At or after (RFC 3339). */
  @ApiProperty({ required: false, description: "At or after (RFC 3339).", type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  from?: string;

  /** Before (RFC 3339). */
  @ApiProperty({ required: false, description: "Before (RFC 3339).", type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  to?: string;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class UpdateFeatureParams {
  /** Key of the feature flag. */
  @ApiProperty({ description: "Key of the feature flag.", type: String, pattern: "^[a-z][a-z0-9_.-]{1,63}$" })
  @IsString()
  @Matches(new RegExp("^[a-z][a-z0-9_.-]{1,63}$"))
  feature!: string;
}

export class UpdateConfigEntryParams {
  /** Key of the configuration entry. */
  @ApiProperty({ description: "Key of the configuration entry.", type: String, pattern: "^[A-Za-z][A-Za-z0-9_.-]{1,63}$" })
  @IsString()
  @Matches(new RegExp("^[A-Za-z][A-Za-z0-9_.-]{1,63}$"))
  key!: string;
}

export class ListRescuesQuery {
  /** Text in the name or description. */
  @ApiProperty({ required: false, description: "Text in the name or description.", type: String, minLength: 1, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, type: String, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiProperty({ required: false, type: String, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(100)
  region?: string;

  /** Only verified (true) or only unverified (false) rescues. */
  @ApiProperty({ required: false, description: "Only verified (true) or only unverified (false) rescues.", type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  verified?: boolean;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class ReplaceRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class UpdateRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class DeleteRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class VerifyRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class RejectRescueParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class ListRescueStaffParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class ListRescueStaffQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class InviteRescueStaffParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class RemoveRescueStaffParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;

  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class ListRescuePetsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class ListRescuePetsQuery {
  @ApiProperty({ required: false, isArray: true, enum: ListingStatus, enumName: "ListingStatus", maxItems: 4 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(ListingStatus, { each: true })
  listingStatus?: Array<ListingStatus>;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetRescueAnalyticsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class SearchPetsQuery {
  /** Words in the name, breed or description (full-text). */
  @ApiProperty({ required: false, description: "Words in the name, breed or description (full-text).", type: String, minLength: 2, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, isArray: true, enum: Species, enumName: "Species", maxItems: 7 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(Species, { each: true })
  species?: Array<Species>;

  @ApiProperty({ required: false, isArray: true, type: String, maxLength: 100, maxItems: 10 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  breed?: Array<string>;

  @ApiProperty({ required: false, isArray: true, enum: AgeGroup, enumName: "AgeGroup", maxItems: 4 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(AgeGroup, { each: true })
  ageGroup?: Array<AgeGroup>;

  @ApiProperty({ required: false, isArray: true, enum: PetSize, enumName: "PetSize", maxItems: 4 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(PetSize, { each: true })
  size?: Array<PetSize>;

  @ApiProperty({ required: false, isArray: true, enum: PetSex, enumName: "PetSex", maxItems: 3 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(PetSex, { each: true })
  sex?: Array<PetSex>;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  goodWithChildren?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  goodWithDogs?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  goodWithCats?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  houseTrained?: boolean;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  specialNeeds?: boolean;

  /** Availability statuses (default: every status). */
  @ApiProperty({ required: false, description: "Availability statuses (default: every status).", isArray: true, enum: Availability, enumName: "Availability", maxItems: 6 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(6)
  @IsEnum(Availability, { each: true })
  availability?: Array<Availability>;

  @ApiProperty({ required: false, type: String, maxLength: 36 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(36)
  rescueId?: string;

  @ApiProperty({ required: false, type: String, maxLength: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiProperty({ required: false, type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  featured?: boolean;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  publishedAfter?: string;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  publishedBefore?: string;

  /** Latitude of the search point (with lng). */
  @ApiProperty({ required: false, description: "Latitude of the search point (with lng).", type: Number, minimum: -90, maximum: 90 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiProperty({ required: false, type: Number, minimum: -180, maximum: 180 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  /** Radius around lat/lng (default 50 when a point is given). */
  @ApiProperty({ required: false, description: "Radius around lat/lng (default 50 when a point is given).", type: Number, minimum: 1, maximum: 500 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(500)
  radiusKm?: number;

  @ApiProperty({ required: false, enum: PetSort, enumName: "PetSort" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsEnum(PetSort)
  sort?: PetSort;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetPetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ReplacePetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class UpdatePetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class DeletePetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ChangePetListingParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ChangePetAvailabilityParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class GetPetHistoryParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class GetPetHistoryQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class AddFavoritePetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class RemoveFavoritePetParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ListMyFavoritePetsQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListUserRehomesParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  userId!: string;
}

export class ListUserRehomesQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListBreedsParams {
  @ApiProperty({ enum: Species, enumName: "Species" })
  @IsEnum(Species)
  species!: Species;
}

export class ListPetMedicalRecordsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ListPetMedicalRecordsQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CreateMedicalRecordParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class UpdateMedicalRecordParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  recordId!: string;
}

export class VerifyMedicalRecordParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  recordId!: string;
}

export class GetRescueApplicationQuestionsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class ReplaceRescueApplicationQuestionsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;
}

export class GetPetApplicationQuestionsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ListApplicationDraftsQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetApplicationDraftParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  draftId!: string;
}

export class UpdateApplicationDraftParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  draftId!: string;
}

export class DeleteApplicationDraftParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  draftId!: string;
}

export class ListApplicationsQuery {
  /** Only these statuses. */
  @ApiProperty({ required: false, description: "Only these statuses.", isArray: true, enum: ApplicationStatus, enumName: "ApplicationStatus", maxItems: 10 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(ApplicationStatus, { each: true })
  status?: Array<ApplicationStatus>;

  @ApiProperty({ required: false, type: String, pattern: "^[0-9a-f-]{36}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId?: string;

  @ApiProperty({ required: false, type: String, pattern: "^[0-9a-f-]{36}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId?: string;

  @ApiProperty({ required: false, type: String, pattern: "^[0-9a-f-]{36}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicantId?: string;

  @ApiProperty({ required: false, type: String, pattern: "^[0-9a-f-]{36}$" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  assigneeId?: string;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  submittedAfter?: string;

  @ApiProperty({ required: false, type: String, format: "date-time" })
  @ValidateIf((_object, value) => value !== undefined)
  @IsRFC3339()
  @IsISO8601({ strict: true })
  submittedBefore?: string;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetApplicationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class ReplaceApplicationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class WithdrawApplicationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class GetApplicationHistoryParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class GetApplicationHistoryQuery {
  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ChangeApplicationStatusParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class ReviewApplicationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class AssignApplicationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  rescueId!: string;

  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class ListPetApplicationsParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  petId!: string;
}

export class ListPetApplicationsQuery {
  /** Only these statuses. */
  @ApiProperty({ required: false, description: "Only these statuses.", isArray: true, enum: ApplicationStatus, enumName: "ApplicationStatus", maxItems: 10 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value).split(',')))
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(ApplicationStatus, { each: true })
  status?: Array<ApplicationStatus>;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ScheduleHomeVisitParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class UpdateHomeVisitParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;

  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  visitId!: string;
}

export class UpdateApplicationReferenceParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;

  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  referenceId!: string;
}

export class ListApplicationMessagesParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class ListApplicationMessagesQuery {
  /** Only messages whose `sequence` is greater (`total` counts those too). */
  @ApiProperty({ required: false, description: "Only messages whose `sequence` is greater (`total` counts those too).", type: 'integer', minimum: 0, maximum: 2147483647 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(2147483647)
  afterSequence?: number;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class SendApplicationMessageParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  applicationId!: string;
}

export class ListNotificationsQuery {
  /** Only unread notifications. */
  @ApiProperty({ required: false, description: "Only unread notifications.", type: Boolean })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  /** Opaque cursor from `nextCursor` of the previous page. */
  @ApiProperty({ required: false, description: "Opaque cursor from `nextCursor` of the previous page.", type: String, maxLength: 512 })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** Page size, 1–100 (default 20). */
  @ApiProperty({ required: false, description: "Page size, 1–100 (default 20).", type: 'integer', minimum: 1, maximum: 100 })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class GetNotificationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  notificationId!: string;
}

export class DeleteNotificationParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  notificationId!: string;
}

export class MarkNotificationReadParams {
  @ApiProperty({ type: String, pattern: "^[0-9a-f-]{36}$" })
  @IsString()
  @Matches(new RegExp("^[0-9a-f-]{36}$"))
  notificationId!: string;
}
