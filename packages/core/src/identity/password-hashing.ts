import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet minimum for argon2id is m=19 MiB, t=2, p=1; we go above it.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 3, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so a miss costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy password that never matches anything');
  return dummyHash;
}
