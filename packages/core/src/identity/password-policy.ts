import { readFileSync } from 'node:fs';
import { ValidationError } from '../shared/errors';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// SecLists' 10,000 most common passwords (MIT, see common-passwords.LICENSE), shipped with the code.
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean),
);

/** OWASP ASVS: 8–128 characters, any characters allowed, and not one of the most common passwords. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError([
      { field, message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` },
    ]);
  }
  if (COMMON.has(password.toLowerCase())) {
    throw new ValidationError(
      [{ field, message: 'is one of the most common passwords; choose another' }],
      'password_too_common',
    );
  }
}
