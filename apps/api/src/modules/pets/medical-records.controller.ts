import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ContractRoute } from '@app/common';
import {
  CreateMedicalRecordParams,
  CreateMedicalRecordRequestDto,
  ListPetMedicalRecordsParams,
  ListPetMedicalRecordsQuery,
  operations,
  UpdateMedicalRecordParams,
  UpdateMedicalRecordRequestDto,
  VerifyMedicalRecordParams,
  type MedicalRecordDto,
  type MedicalRecordPageDto,
} from '@app/contracts';
import { PERMISSIONS, type Principal } from '@app/identity';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, OptionalPrincipal, RequirePermission } from '../auth/authorization';
import { idempotencyKeyOf, sendIdempotent } from '../idempotency/idempotency-http';
import { MedicalRecordsService } from './medical-records.service';

@Controller()
export class MedicalRecordsController {
  constructor(private readonly records: MedicalRecordsService) {}

  @ContractRoute(operations.listPetMedicalRecords)
  listPetMedicalRecords(
    @OptionalPrincipal() caller: Principal | null,
    @Param() params: ListPetMedicalRecordsParams,
    @Query() query: ListPetMedicalRecordsQuery,
  ): Promise<MedicalRecordPageDto> {
    return this.records.list(caller, params.petId, query);
  }

  @ContractRoute(operations.createMedicalRecord)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createMedicalRecord(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CreateMedicalRecordParams,
    @Body() body: CreateMedicalRecordRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendIdempotent(reply, await this.records.create(caller, params.petId, body, idempotencyKeyOf(idempotencyKey)));
  }

  @ContractRoute(operations.updateMedicalRecord)
  updateMedicalRecord(@CurrentPrincipal() caller: Principal, @Param() params: UpdateMedicalRecordParams, @Body() body: UpdateMedicalRecordRequestDto): Promise<MedicalRecordDto> {
    return this.records.update(caller, params.recordId, body);
  }

  @ContractRoute(operations.verifyMedicalRecord)
  @RequirePermission(PERMISSIONS.medicalVerify)
  verifyMedicalRecord(@CurrentPrincipal() caller: Principal, @Param() params: VerifyMedicalRecordParams): Promise<MedicalRecordDto> {
    return this.records.verify(caller, params.recordId);
  }
}
