import { Body, Controller, Param, Query } from '@nestjs/common';
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
import { CurrentPrincipal, OptionalPrincipal, RequirePermission } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
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
  @Idempotent()
  createMedicalRecord(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CreateMedicalRecordParams,
    @Body() body: CreateMedicalRecordRequestDto,
  ): UnitOfWork<MedicalRecordDto> {
    return (tx) => this.records.create(tx, caller, params.petId, body);
  }

  @ContractRoute(operations.updateMedicalRecord)
  updateMedicalRecord(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UpdateMedicalRecordParams,
    @Body() body: UpdateMedicalRecordRequestDto,
  ): Promise<MedicalRecordDto> {
    return this.records.update(caller, params.recordId, body);
  }

  @ContractRoute(operations.verifyMedicalRecord)
  @RequirePermission(PERMISSIONS.medicalVerify)
  verifyMedicalRecord(@CurrentPrincipal() caller: Principal, @Param() params: VerifyMedicalRecordParams): Promise<MedicalRecordDto> {
    return this.records.verify(caller, params.recordId);
  }
}
