// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.
/* eslint-disable */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsISO8601, IsIn, IsInt, IsObject, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

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

@ApiSchema({ name: "PublicConfig" })
export class PublicConfigDto {
  /** Public configuration values by key (e.g. `productName`, `pets.maxPhotos`). */
  @ApiProperty({ description: "Public configuration values by key (e.g. `productName`, `pets.maxPhotos`).", type: Object, additionalProperties: true })
  @IsObject()
  values!: Record<string, unknown>;

  /** Latest change among the public values (RFC 3339, UTC). */
  @ApiProperty({ description: "Latest change among the public values (RFC 3339, UTC).", type: String, format: "date-time" })
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

export class GetFeatureParams {
  /** Key of the feature flag. */
  @ApiProperty({ description: "Key of the feature flag.", type: String, pattern: "^[a-z][a-z0-9_.-]{1,63}$" })
  @IsString()
  @Matches(new RegExp("^[a-z][a-z0-9_.-]{1,63}$"))
  feature!: string;
}
