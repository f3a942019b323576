import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { ValidationFailedError } from '@app/common';
import commonPasswords from './data/common-passwords.json';

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const COMMON = new Set((commonPasswords as string[]).map((p) => p.toLowerCase()));

/** Hashes and checks passwords (argon2id, no truncation) and refuses the 10,000 most common ones. */
@Injectable()
export class PasswordHasher {
  /** A hash of a random password, verified against when the account does not exist, so timing does not tell. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash(`dummy-${Math.random()}`);
    try {
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }

  /** Length is checked by the DTO (8–128); this adds the common-password list. */
  assertAcceptable(password: string, field = 'password'): void {
    if (COMMON.has(password.toLowerCase())) {
      throw new ValidationFailedError([{ field, constraints: { notCommon: 'This password is too common; choose another.' } }]);
    }
  }
}
