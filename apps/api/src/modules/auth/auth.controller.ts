import { Body, Controller, Req, Res } from '@nestjs/common';
import { ContractRoute, DomainError } from '@app/common';
import {
  AcceptedDto,
  ChangePasswordRequestDto,
  EmailRequestDto,
  LoginRequestDto,
  LoginResultDto,
  operations,
  RefreshRequestDto,
  RegisterRequestDto,
  ResetPasswordRequestDto,
  TokenPairDto,
  TwoFactorLoginRequestDto,
  UserDto,
  VerifyEmailRequestDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { CurrentPrincipal } from './authorization';
import { clientInfoOf } from './client-info';
import { PasswordService } from './password.service';
import { clearedRefreshCookie, readCookie, REFRESH_COOKIE } from './refresh-cookie';
import { RegistrationIdempotency } from './registration-idempotency';
import { RegistrationService } from './registration.service';
import { SignInService } from './sign-in.service';
import { sendTokens } from './token-response';

const ACCEPTED: AcceptedDto = { status: 'accepted' };

@Controller()
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly signIn: SignInService,
    private readonly passwords: PasswordService,
  ) {}

  @ContractRoute(operations.register)
  @Idempotent({ interceptor: RegistrationIdempotency })
  async register(@Body() body: RegisterRequestDto): Promise<UnitOfWork<AcceptedDto>> {
    const account = await this.registration.prepare(body);
    return async (tx) => {
      await this.registration.register(tx, account);
      return ACCEPTED;
    };
  }

  @ContractRoute(operations.verifyEmail)
  async verifyEmail(@Body() body: VerifyEmailRequestDto): Promise<void> {
    await this.registration.verifyEmail(body.token);
  }

  @ContractRoute(operations.resendVerificationEmail)
  async resendVerificationEmail(@Body() body: EmailRequestDto): Promise<AcceptedDto> {
    await this.registration.resendVerification(body.email);
    return ACCEPTED;
  }

  @ContractRoute(operations.login)
  async login(@Body() body: LoginRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResultDto> {
    const outcome = await this.signIn.login(body, clientInfoOf(request, body.deviceName));
    void reply.header('cache-control', 'no-store');
    if (outcome.status === 'two_factor_required') {
      return { status: outcome.status, challengeToken: outcome.challengeToken, challengeExpiresAt: outcome.challengeExpiresAt.toISOString() };
    }
    return { status: 'authenticated', tokens: sendTokens(reply, outcome.tokens, body.refreshTokenTransport ?? 'body') };
  }

  @ContractRoute(operations.completeTwoFactorLogin)
  async completeTwoFactorLogin(@Body() body: TwoFactorLoginRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResultDto> {
    const tokens = await this.signIn.completeTwoFactor(body);
    return { status: 'authenticated', tokens: sendTokens(reply, tokens, body.refreshTokenTransport ?? 'body') };
  }

  /** The token comes from the body, or else from the cookie; the new one travels the same way unless asked otherwise. */
  @ContractRoute(operations.refreshTokens)
  async refreshTokens(@Body() body: RefreshRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto> {
    const fromCookie = body.refreshToken === undefined ? readCookie(request.headers.cookie, REFRESH_COOKIE) : undefined;
    const token = body.refreshToken ?? fromCookie;
    if (!token) throw new DomainError('UNAUTHENTICATED', 'No refresh token: send it in the body or the cookie.');
    try {
      const tokens = await this.signIn.refresh(token);
      return sendTokens(reply, tokens, body.refreshTokenTransport ?? (fromCookie ? 'cookie' : 'body'));
    } catch (error) {
      if (fromCookie) void reply.header('set-cookie', clearedRefreshCookie());
      throw error;
    }
  }

  @ContractRoute(operations.logout)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.signIn.logout(principal);
    void reply.header('set-cookie', clearedRefreshCookie());
  }

  @ContractRoute(operations.getCurrentUser)
  getCurrentUser(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.signIn.currentUser(principal);
  }

  @ContractRoute(operations.requestPasswordReset)
  async requestPasswordReset(@Body() body: EmailRequestDto): Promise<AcceptedDto> {
    await this.passwords.requestReset(body.email);
    return ACCEPTED;
  }

  @ContractRoute(operations.resetPassword)
  resetPassword(@Body() body: ResetPasswordRequestDto): Promise<void> {
    return this.passwords.reset(body);
  }

  @ContractRoute(operations.changePassword)
  changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordRequestDto): Promise<void> {
    return this.passwords.change(principal, body);
  }
}
