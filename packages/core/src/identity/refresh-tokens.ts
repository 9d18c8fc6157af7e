import { createHash, randomBytes } from 'node:crypto';

/** A fresh opaque refresh token: 256 random bits, URL-safe. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

// The token has 256 bits of entropy, so a fast hash is enough: nothing to brute-force.
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
