import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// One schema for both engines: timestamps are ISO-8601 UTC strings (they sort as text),
// booleans are 0/1 integers, ids are UUIDv7 strings. That keeps one code path for SQLite and PostgreSQL.

export type Role = 'customer' | 'organizer' | 'admin' | 'staff';
export const ROLES: readonly Role[] = ['customer', 'organizer', 'admin', 'staff'];

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  /** For door staff: the organizer whose events they may check in. */
  organizer_id: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** A login: every refresh token descended from one sign-in belongs to one session (the "family"). */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  /** Absolute end of the session, however often it is refreshed. */
  expires_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  /** Idle expiry: a token not used by then is dead even if the session lives. */
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** JSON text. */
  details: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type { Generated };
