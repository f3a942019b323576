// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.
/* eslint-disable */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsEmail, IsEnum, IsISO8601, IsIn, IsInt, IsObject, IsOptional, IsRFC3339, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';

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

/** Stable machine-readable failure code. */
export const ErrorCode = {
  ValidationFailed: "VALIDATION_FAILED",
  NotFound: "NOT_FOUND",
  VersionConflict: "VERSION_CONFLICT",
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  IdempotencyRequestInProgress: "IDEMPOTENCY_REQUEST_IN_PROGRESS",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  RateLimited: "RATE_LIMITED",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  UnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  MethodNotAllowed: "METHOD_NOT_ALLOWED",
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  Internal: "INTERNAL",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const JobStatus = {
  Queued: "queued",
  Running: "running",
  Succeeded: "succeeded",
  Failed: "failed",
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/** `body` returns the refresh token in the JSON body (mobile and server clients). `cookie` sets it in an
httpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth and leaves it out of the body (browsers). */
export const RefreshTokenTransport = {
  Body: "body",
  Cookie: "cookie",
} as const;
export type RefreshTokenTransport = (typeof RefreshTokenTransport)[keyof typeof RefreshTokenTransport];

/** pending_deletion lasts the 30-day grace period of a deletion request; deleted accounts are anonymised. */
export const UserStatus = {
  Active: "active",
  Deactivated: "deactivated",
  PendingDeletion: "pending_deletion",
  Deleted: "deleted",
} as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

@ApiSchema({ name: "Accepted" })
export class AcceptedDto {
  @ApiProperty({ enum: ["accepted"] })
  @IsIn(["accepted"])
  status!: "accepted";
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

  /** Structured context. `VALIDATION_FAILED` carries `fields` (a list of `{ field, constraints }`), `VERSION_CONFLICT` carries `currentVersion`, `SERVICE_UNAVAILABLE` from /readyz names the failing `checks`. */
  @ApiProperty({ description: "Structured context. `VALIDATION_FAILED` carries `fields` (a list of `{ field, constraints }`),\n`VERSION_CONFLICT` carries `currentVersion`, `SERVICE_UNAVAILABLE` from /readyz names the failing `checks`.", type: Object, additionalProperties: true })
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

  @ApiProperty({ type: String, nullable: true })
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

@ApiSchema({ name: "NotificationChannels" })
export class NotificationChannelsDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ type: Boolean })
  @IsBoolean()
  inApp!: boolean;
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
