import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, decryptSecret, encryptSecret, otpauthUri, totpAt, verifyTotp } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the 6-digit codes are the last six of its 8-digit values.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpAt(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpAt(RFC_SECRET, 20_000_000_000_000)).toBe('353130');
  });

  it('accepts one step of clock drift either way and nothing further', () => {
    const now = 1_700_000_000_000;
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 30_000), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + 30_000), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 90_000), now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, '12345', now)).toBe(false);
  });

  it('round-trips base32 and builds an otpauth URI apps understand', () => {
    expect(base32Decode(RFC_SECRET).toString()).toBe('12345678901234567890');
    expect(otpauthUri('ABC', 'ada@example.org', 'Pets')).toBe(
      'otpauth://totp/Pets%3Aada%40example.org?secret=ABC&issuer=Pets&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('encrypts secrets at rest and detects tampering', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const sealed = encryptSecret('SECRET', key);
    expect(sealed).not.toContain('SECRET');
    expect(decryptSecret(sealed, key)).toBe('SECRET');
    const [iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 0xff; // always a different ciphertext byte
    expect(() => decryptSecret([iv, tag, flipped.toString('base64url')].join('.'), key)).toThrow();
  });
});
