// Owns who the caller is: accounts, sign-in, tokens, two-factor, sessions, brute-force protection, and the
// global guard that enforces each operation's security and permission.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [AccessTokenService, PasswordHasher, SessionsRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService, PasswordHasher, SessionsRepository],
})
export class AuthModule {}
