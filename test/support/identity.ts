// Factories for signed-in callers: a user row of any role and an access token for a real session,
// without going through the sign-in flow (that flow has tests of its own).
import { getDataSourceToken } from '@nestjs/typeorm';
import { newId } from '@app/common';
import type { Role } from '@app/contracts';
import { AuthSessionEntity, UserEntity } from '@app/identity';
import type { DataSource } from 'typeorm';
import { AccessTokenService } from '../../apps/api/src/modules/auth/access-token.service';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import type { TestApi } from './api';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  password: string;
  token: string;
  sessionId: string;
}

export interface CreateUserOptions {
  role?: Role;
  email?: string;
  name?: string;
  verified?: boolean;
  status?: UserEntity['status'];
}

/**
 * What a client does when its role changed (TOKEN_STALE): refresh once. Re-issues the user's access token for the
 * same session with the role the account has now, and keeps both in `user`.
 */
export async function refreshRole(api: TestApi, user: TestUser): Promise<TestUser> {
  const { role } = await api.app.get<DataSource>(getDataSourceToken()).getRepository(UserEntity).findOneByOrFail({ id: user.id });
  return Object.assign(user, { role, token: api.app.get(AccessTokenService).issue({ userId: user.id, role, sessionId: user.sessionId }).token });
}

/** Inserts a user and opens a session for them; returns an access token for that session. */
export async function createUser(api: TestApi, options: CreateUserOptions = {}): Promise<TestUser> {
  const dataSource = api.app.get<DataSource>(getDataSourceToken());
  cachedHash ??= api.app.get(PasswordHasher).hash(TEST_PASSWORD);
  const id = newId();
  const role = options.role ?? 'adopter';
  const email = options.email ?? `user-${id.slice(-12)}@example.org`;
  await dataSource.getRepository(UserEntity).insert({
    id,
    email,
    name: options.name ?? `Test ${role}`,
    passwordHash: await cachedHash,
    role,
    status: options.status ?? 'active',
    emailVerifiedAt: options.verified === false ? null : new Date(),
  });
  const sessionId = newId();
  await dataSource.getRepository(AuthSessionEntity).insert({
    id: sessionId,
    userId: id,
    device: 'test',
    ip: '127.0.0.1',
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const token = api.app.get(AccessTokenService).issue({ userId: id, role, sessionId }).token;
  return { id, email, role, password: TEST_PASSWORD, token, sessionId };
}

export interface SignedInTokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  refreshTokenExpiresAt: string;
}

/** Signs the user in through POST /auth/login: a session with a refresh token, as a client has one. */
export async function signIn(api: TestApi, user: Pick<TestUser, 'email' | 'password'>, extra: Record<string, unknown> = {}): Promise<SignedInTokens> {
  const res = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password, ...extra } });
  if (res.status !== 200 || !res.body.tokens) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return res.body.tokens;
}

/** The claims of an access token, unverified (the server verifies them). */
export const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
