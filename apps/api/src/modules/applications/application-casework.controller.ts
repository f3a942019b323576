import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  ListApplicationMessagesParams,
  ListApplicationMessagesQuery,
  operations,
  ScheduleHomeVisitParams,
  ScheduleHomeVisitRequestDto,
  SendApplicationMessageParams,
  SendMessageRequestDto,
  UpdateApplicationReferenceParams,
  UpdateHomeVisitParams,
  UpdateHomeVisitRequestDto,
  UpdateReferenceRequestDto,
  type ApplicationMessageDto,
  type ApplicationMessagePageDto,
  type ApplicationReferenceDto,
  type HomeVisitDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { ApplicationCaseworkService } from './application-casework.service';
import { ApplicationMessagesService } from './application-messages.service';

/** Home visits, references and the message thread of an application. */
@Controller()
export class ApplicationCaseworkController {
  constructor(
    private readonly casework: ApplicationCaseworkService,
    private readonly messages: ApplicationMessagesService,
  ) {}

  @ContractRoute(operations.scheduleHomeVisit)
  @Idempotent()
  scheduleHomeVisit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ScheduleHomeVisitParams,
    @Body() body: ScheduleHomeVisitRequestDto,
  ): UnitOfWork<HomeVisitDto> {
    return (tx) => this.casework.scheduleHomeVisit(tx, caller, params.applicationId, body);
  }

  @ContractRoute(operations.updateHomeVisit)
  updateHomeVisit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UpdateHomeVisitParams,
    @Body() body: UpdateHomeVisitRequestDto,
  ): Promise<HomeVisitDto> {
    return this.casework.updateHomeVisit(caller, params.applicationId, params.visitId, body);
  }

  @ContractRoute(operations.updateApplicationReference)
  updateApplicationReference(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UpdateApplicationReferenceParams,
    @Body() body: UpdateReferenceRequestDto,
  ): Promise<ApplicationReferenceDto> {
    return this.casework.updateReference(caller, params.applicationId, params.referenceId, body);
  }

  @ContractRoute(operations.listApplicationMessages)
  listApplicationMessages(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListApplicationMessagesParams,
    @Query() query: ListApplicationMessagesQuery,
  ): Promise<ApplicationMessagePageDto> {
    return this.messages.list(caller, params.applicationId, query);
  }

  @ContractRoute(operations.sendApplicationMessage)
  @Idempotent()
  sendApplicationMessage(
    @CurrentPrincipal() caller: Principal,
    @Param() params: SendApplicationMessageParams,
    @Body() body: SendMessageRequestDto,
  ): UnitOfWork<ApplicationMessageDto> {
    return (tx) => this.messages.send(tx, caller, params.applicationId, body);
  }
}
