import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  AssignApplicationParams,
  AssignApplicationRequestDto,
  BulkStatusRequestDto,
  ChangeApplicationStatusParams,
  ChangeApplicationStatusRequestDto,
  GetApplicationHistoryParams,
  GetApplicationHistoryQuery,
  GetApplicationParams,
  ListApplicationsQuery,
  ListPetApplicationsParams,
  ListPetApplicationsQuery,
  operations,
  ReplaceApplicationParams,
  ReplaceApplicationRequestDto,
  ReviewApplicationParams,
  ReviewApplicationRequestDto,
  SubmitApplicationRequestDto,
  WithdrawApplicationParams,
  type ApplicationDto,
  type ApplicationHistoryPageDto,
  type ApplicationSummaryPageDto,
  type BulkStatusResultDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationsService } from './applications.service';

@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly review: ApplicationReviewService,
  ) {}

  @ContractRoute(operations.submitApplication)
  @Idempotent({ required: true })
  submitApplication(@CurrentPrincipal() caller: Principal, @Body() body: SubmitApplicationRequestDto): UnitOfWork<ApplicationDto> {
    return (tx) => this.applications.submit(tx, caller, body);
  }

  @ContractRoute(operations.listApplications)
  listApplications(@CurrentPrincipal() caller: Principal, @Query() query: ListApplicationsQuery): Promise<ApplicationSummaryPageDto> {
    return this.applications.list(caller, query);
  }

  @ContractRoute(operations.getApplication)
  getApplication(@CurrentPrincipal() caller: Principal, @Param() params: GetApplicationParams): Promise<ApplicationDto> {
    return this.applications.get(caller, params.applicationId);
  }

  @ContractRoute(operations.replaceApplication)
  replaceApplication(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ReplaceApplicationParams,
    @Body() body: ReplaceApplicationRequestDto,
  ): Promise<ApplicationDto> {
    return this.applications.replace(caller, params.applicationId, body);
  }

  @ContractRoute(operations.withdrawApplication)
  withdrawApplication(@CurrentPrincipal() caller: Principal, @Param() params: WithdrawApplicationParams): Promise<void> {
    return this.review.withdraw(caller, params.applicationId);
  }

  @ContractRoute(operations.getApplicationHistory)
  getApplicationHistory(
    @CurrentPrincipal() caller: Principal,
    @Param() params: GetApplicationHistoryParams,
    @Query() query: GetApplicationHistoryQuery,
  ): Promise<ApplicationHistoryPageDto> {
    return this.applications.history(caller, params.applicationId, query);
  }

  @ContractRoute(operations.changeApplicationStatus)
  changeApplicationStatus(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ChangeApplicationStatusParams,
    @Body() body: ChangeApplicationStatusRequestDto,
  ): Promise<ApplicationDto> {
    return this.review.changeStatus(caller, params.applicationId, body);
  }

  @ContractRoute(operations.reviewApplication)
  reviewApplication(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ReviewApplicationParams,
    @Body() body: ReviewApplicationRequestDto,
  ): Promise<ApplicationDto> {
    return this.review.review(caller, params.applicationId, body);
  }

  @ContractRoute(operations.assignApplication)
  assignApplication(
    @CurrentPrincipal() caller: Principal,
    @Param() params: AssignApplicationParams,
    @Body() body: AssignApplicationRequestDto,
  ): Promise<ApplicationDto> {
    return this.review.assign(caller, params.rescueId, params.applicationId, body);
  }

  @ContractRoute(operations.bulkChangeApplicationStatus)
  bulkChangeApplicationStatus(@CurrentPrincipal() caller: Principal, @Body() body: BulkStatusRequestDto): Promise<BulkStatusResultDto> {
    return this.review.bulk(caller, body);
  }

  @ContractRoute(operations.listPetApplications)
  listPetApplications(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListPetApplicationsParams,
    @Query() query: ListPetApplicationsQuery,
  ): Promise<ApplicationSummaryPageDto> {
    return this.applications.listForPet(caller, params.petId, query);
  }
}
