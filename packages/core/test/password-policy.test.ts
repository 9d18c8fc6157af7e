import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src';
import { hashPassword, verifyPassword } from '../src/identity/password-hashing';
import { assertAcceptablePassword } from '../src/identity/password-policy';

function codeOf(password: string): string | null {
  try {
    assertAcceptablePassword(password);
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('password policy', () => {
  it('accepts 8–128 characters that are not common, counting characters not bytes', () => {
    expect(codeOf('tangerine-otter-42')).toBeNull();
    expect(codeOf('ü'.repeat(128))).toBeNull();
    expect(codeOf('ü'.repeat(129))).toBe('validation_failed');
    expect(codeOf('1234567')).toBe('validation_failed');
  });

  it('refuses the shipped most-common passwords, case-insensitively', () => {
    for (const common of ['password', 'baseball', 'PASSWORD1', 'iloveyou', 'sunshine'])
      expect(codeOf(common)).toBe('password_too_common');
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at or above the OWASP minimum and verifies', async () => {
    const hash = await hashPassword('tangerine-otter-42');
    const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    expect(params).not.toBeNull();
    expect(Number(params![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(params![2])).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hash, 'tangerine-otter-42')).toBe(true);
    expect(await verifyPassword(hash, 'tangerine-otter-43')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});
