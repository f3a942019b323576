import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  CreateApplicationDraftRequestDto,
  DeleteApplicationDraftParams,
  GetApplicationDraftParams,
  ListApplicationDraftsQuery,
  operations,
  UpdateApplicationDraftParams,
  UpdateApplicationDraftRequestDto,
  type ApplicationDraftDto,
  type ApplicationDraftPageDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { ApplicationDraftsService } from './application-drafts.service';

@Controller()
export class ApplicationDraftsController {
  constructor(private readonly drafts: ApplicationDraftsService) {}

  @ContractRoute(operations.listApplicationDrafts)
  listApplicationDrafts(@CurrentPrincipal() caller: Principal, @Query() query: ListApplicationDraftsQuery): Promise<ApplicationDraftPageDto> {
    return this.drafts.list(caller, query);
  }

  @ContractRoute(operations.createApplicationDraft)
  @Idempotent()
  createApplicationDraft(@CurrentPrincipal() caller: Principal, @Body() body: CreateApplicationDraftRequestDto): UnitOfWork<ApplicationDraftDto> {
    return (tx) => this.drafts.create(tx, caller, body);
  }

  @ContractRoute(operations.getApplicationDraft)
  getApplicationDraft(@CurrentPrincipal() caller: Principal, @Param() params: GetApplicationDraftParams): Promise<ApplicationDraftDto> {
    return this.drafts.get(caller, params.draftId);
  }

  @ContractRoute(operations.updateApplicationDraft)
  updateApplicationDraft(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UpdateApplicationDraftParams,
    @Body() body: UpdateApplicationDraftRequestDto,
  ): Promise<ApplicationDraftDto> {
    return this.drafts.update(caller, params.draftId, body);
  }

  @ContractRoute(operations.deleteApplicationDraft)
  deleteApplicationDraft(@CurrentPrincipal() caller: Principal, @Param() params: DeleteApplicationDraftParams): Promise<void> {
    return this.drafts.remove(caller, params.draftId);
  }
}
