import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: refresh tokens, e-mail link tokens, two-factor challenges. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a bearer secret: a leaked table does not hand out working tokens. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmacSha256Hex(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

/** One account, one key: addresses are compared lower-cased and trimmed everywhere. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const BACKUP_CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 10 characters of [a-z0-9] (about 51 bits), without modulo bias. */
export function newBackupCode(): string {
  let code = '';
  while (code.length < 10) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && code.length < 10) code += BACKUP_CODE_ALPHABET[byte % 36];
    }
  }
  return code;
}
