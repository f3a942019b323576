import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  BackupCodesDto,
  ListSessionsQuery,
  operations,
  RevokeSessionParams,
  SessionPageDto,
  TwoFactorCodeRequestDto,
  TwoFactorDisableRequestDto,
  TwoFactorSetupDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from './authorization';
import { SessionsService } from './sessions.service';
import { TwoFactorService } from './two-factor.service';

/** The signed-in caller's own security settings: two-factor sign-in and sessions. */
@Controller()
export class AccountSecurityController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
  ) {}

  @ContractRoute(operations.setUpTwoFactor)
  setUpTwoFactor(@CurrentPrincipal() principal: Principal): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setUp(principal);
  }

  @ContractRoute(operations.enableTwoFactor)
  enableTwoFactor(@CurrentPrincipal() principal: Principal, @Body() body: TwoFactorCodeRequestDto): Promise<BackupCodesDto> {
    return this.twoFactor.enable(principal, body.code);
  }

  @ContractRoute(operations.disableTwoFactor)
  disableTwoFactor(@CurrentPrincipal() principal: Principal, @Body() body: TwoFactorDisableRequestDto): Promise<void> {
    return this.twoFactor.disable(principal, body);
  }

  @ContractRoute(operations.listSessions)
  listSessions(@CurrentPrincipal() principal: Principal, @Query() query: ListSessionsQuery): Promise<SessionPageDto> {
    return this.sessions.list(principal, query);
  }

  @ContractRoute(operations.revokeSession)
  revokeSession(@CurrentPrincipal() principal: Principal, @Param() params: RevokeSessionParams): Promise<void> {
    return this.sessions.revoke(principal, params.sessionId);
  }

  @ContractRoute(operations.revokeOtherSessions)
  revokeOtherSessions(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.sessions.revokeOthers(principal);
  }
}
