import type { Db } from '../db/database';
import type { AfterCommit } from '../shared/after-commit';
import type { Clock } from '../shared/clock';

export interface AuthSettings {
  /** HMAC key for access tokens (HS256), at least 32 bytes. */
  jwtSecret: Uint8Array;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  /** A refresh token unused for this long is dead. */
  refreshIdleTtlSeconds: number;
  /** A login ends after this long however often it is refreshed. */
  sessionTtlSeconds: number;
}

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  auth: AuthSettings;
  /** The public origin: links in account e-mails point to its web pages. */
  publicUrl: string;
  /** Told when account mail waits in the outbox. */
  afterCommit: AfterCommit;
}
