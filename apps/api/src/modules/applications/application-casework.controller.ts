import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
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
  type ApplicationMessagePageDto,
  type ApplicationReferenceDto,
  type HomeVisitDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/authorization';
import { idempotencyKeyOf, sendIdempotent } from '../idempotency/idempotency-http';
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async scheduleHomeVisit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ScheduleHomeVisitParams,
    @Body() body: ScheduleHomeVisitRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendIdempotent(reply, await this.casework.scheduleHomeVisit(caller, params.applicationId, body, idempotencyKeyOf(idempotencyKey)));
  }

  @ContractRoute(operations.updateHomeVisit)
  updateHomeVisit(@CurrentPrincipal() caller: Principal, @Param() params: UpdateHomeVisitParams, @Body() body: UpdateHomeVisitRequestDto): Promise<HomeVisitDto> {
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async sendApplicationMessage(
    @CurrentPrincipal() caller: Principal,
    @Param() params: SendApplicationMessageParams,
    @Body() body: SendMessageRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendIdempotent(reply, await this.messages.send(caller, params.applicationId, body, idempotencyKeyOf(idempotencyKey)));
  }
}
