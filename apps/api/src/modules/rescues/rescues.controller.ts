import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  AcceptInvitationRequestDto,
  CreateRescueRequestDto,
  DeleteRescueParams,
  GetRescueAnalyticsParams,
  GetRescueParams,
  InviteRescueStaffParams,
  InviteStaffRequestDto,
  ListRescuesQuery,
  ListRescueStaffParams,
  ListRescueStaffQuery,
  operations,
  RejectRescueParams,
  RejectRescueRequestDto,
  RemoveRescueStaffParams,
  ReplaceRescueParams,
  ReplaceRescueRequestDto,
  UpdateRescueParams,
  UpdateRescueRequestDto,
  VerifyRescueParams,
  type RescueAnalyticsDto,
  type RescueDto,
  type RescuePageDto,
  type StaffInvitationDto,
  type StaffMemberDto,
  type StaffMemberPageDto,
} from '@app/contracts';
import { PERMISSIONS, type Principal } from '@app/identity';
import { CurrentPrincipal, RequirePermission } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { RescueAnalyticsService } from './rescue-analytics.service';
import { RescueStaffService } from './rescue-staff.service';
import { RescuesService } from './rescues.service';

@Controller()
export class RescuesController {
  constructor(
    private readonly rescues: RescuesService,
    private readonly staff: RescueStaffService,
    private readonly analytics: RescueAnalyticsService,
  ) {}

  @ContractRoute(operations.listRescues)
  listRescues(@Query() query: ListRescuesQuery): Promise<RescuePageDto> {
    return this.rescues.list(query);
  }

  @ContractRoute(operations.createRescue)
  @Idempotent()
  createRescue(@CurrentPrincipal() caller: Principal, @Body() body: CreateRescueRequestDto): UnitOfWork<RescueDto> {
    return (tx) => this.rescues.create(tx, caller, body);
  }

  @ContractRoute(operations.getRescue)
  getRescue(@Param() params: GetRescueParams): Promise<RescueDto> {
    return this.rescues.get(params.rescueId);
  }

  @ContractRoute(operations.replaceRescue)
  replaceRescue(@CurrentPrincipal() caller: Principal, @Param() params: ReplaceRescueParams, @Body() body: ReplaceRescueRequestDto): Promise<RescueDto> {
    return this.rescues.replace(caller, params.rescueId, body);
  }

  @ContractRoute(operations.updateRescue)
  updateRescue(@CurrentPrincipal() caller: Principal, @Param() params: UpdateRescueParams, @Body() body: UpdateRescueRequestDto): Promise<RescueDto> {
    return this.rescues.update(caller, params.rescueId, body);
  }

  @ContractRoute(operations.deleteRescue)
  deleteRescue(@CurrentPrincipal() caller: Principal, @Param() params: DeleteRescueParams): Promise<void> {
    return this.rescues.delete(caller, params.rescueId);
  }

  @ContractRoute(operations.verifyRescue)
  @RequirePermission(PERMISSIONS.rescuesModerate)
  verifyRescue(@Param() params: VerifyRescueParams): Promise<RescueDto> {
    return this.rescues.verify(params.rescueId);
  }

  @ContractRoute(operations.rejectRescue)
  @RequirePermission(PERMISSIONS.rescuesModerate)
  rejectRescue(@Param() params: RejectRescueParams, @Body() body: RejectRescueRequestDto): Promise<RescueDto> {
    return this.rescues.reject(params.rescueId, body.reason);
  }

  @ContractRoute(operations.listRescueStaff)
  listRescueStaff(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListRescueStaffParams,
    @Query() query: ListRescueStaffQuery,
  ): Promise<StaffMemberPageDto> {
    return this.staff.list(caller, params.rescueId, query);
  }

  @ContractRoute(operations.inviteRescueStaff)
  @Idempotent()
  inviteRescueStaff(
    @CurrentPrincipal() caller: Principal,
    @Param() params: InviteRescueStaffParams,
    @Body() body: InviteStaffRequestDto,
  ): UnitOfWork<StaffInvitationDto> {
    return (tx) => this.staff.invite(tx, caller, params.rescueId, body);
  }

  @ContractRoute(operations.removeRescueStaff)
  removeRescueStaff(@CurrentPrincipal() caller: Principal, @Param() params: RemoveRescueStaffParams): Promise<void> {
    return this.staff.remove(caller, params.rescueId, params.userId);
  }

  @ContractRoute(operations.acceptRescueInvitation)
  acceptRescueInvitation(@CurrentPrincipal() caller: Principal, @Body() body: AcceptInvitationRequestDto): Promise<StaffMemberDto> {
    return this.staff.accept(caller, body.token);
  }

  @ContractRoute(operations.getRescueAnalytics)
  getRescueAnalytics(@CurrentPrincipal() caller: Principal, @Param() params: GetRescueAnalyticsParams): Promise<RescueAnalyticsDto> {
    return this.analytics.get(caller, params.rescueId);
  }
}
