// Owns who the caller is: accounts, sign-in, tokens, two-factor, sessions, role changes (RoleChanges, for every
// module that changes a role), brute-force protection, and the global guard that enforces each operation's
// security and permission. docs/identity.md explains the design.
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthSessionEntity, BackupCodeEntity, EmailTokenEntity, RefreshTokenEntity, UserEntity } from '@app/identity';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/common';
import { AccessTokenService, accessTokenJwtOptions } from './access-token.service';
import { AccountSecurityController } from './account-security.controller';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthMailer } from './auth-mailer';
import { BackupCodesRepository } from './backup-codes.repository';
import { BearerAuthenticator } from './bearer-authenticator';
import { BootstrapAdmin } from './bootstrap-admin.service';
import { EmailTokensRepository } from './email-tokens.repository';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';
import { RegistrationService } from './registration.service';
import { RevokedSessions } from './revoked-sessions';
import { RoleChanges } from './role-changes.service';
import { RoleMarkers } from './role-markers';
import { SessionTokens } from './session-tokens.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';
import { TwoFactorChallenges } from './two-factor-challenges';
import { TwoFactorService } from './two-factor.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, AuthSessionEntity, RefreshTokenEntity, EmailTokenEntity, BackupCodeEntity]),
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: accessTokenJwtOptions }),
    AuditModule,
  ],
  controllers: [AuthController, AccountSecurityController],
  providers: [
    AccessTokenService,
    PasswordHasher,
    SessionsRepository,
    RevokedSessions,
    RoleMarkers,
    RoleChanges,
    BearerAuthenticator,
    AccountsRepository,
    EmailTokensRepository,
    BackupCodesRepository,
    AuthMailer,
    LoginThrottle,
    TwoFactorChallenges,
    SessionTokens,
    TwoFactorService,
    SignInService,
    PasswordService,
    RegistrationService,
    SessionsService,
    BootstrapAdmin,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessTokenService, BearerAuthenticator, PasswordHasher, SessionsRepository, RoleChanges],
})
export class AuthModule {}
