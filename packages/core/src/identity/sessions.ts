import type { DbOrTx, Tx } from '../db/database';
import type { UserRow } from '../db/schema';
import { newId } from '../shared/ids';
import { issueAccessToken } from './access-tokens';
import type { RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens';
import { toUserView, type UserView } from './user-view';

export interface AuthResult {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Stores a new refresh token of a session and returns it in clear, the only time it exists so. */
export async function addRefreshToken(
  db: DbOrTx,
  deps: IdentityDeps,
  sessionId: string,
  sessionExpiresAt: string,
): Promise<string> {
  const token = newRefreshToken();
  const now = deps.clock.now();
  const idleEnd = new Date(now.getTime() + deps.auth.refreshIdleTtlSeconds * 1000).toISOString();
  await db
    .insertInto('refresh_tokens')
    .values({
      id: newId(),
      session_id: sessionId,
      token_hash: hashRefreshToken(token),
      created_at: now.toISOString(),
      // Never outlive the session's absolute lifetime.
      expires_at: idleEnd < sessionExpiresAt ? idleEnd : sessionExpiresAt,
      used_at: null,
    })
    .execute();
  return token;
}

/** Starts a login (a refresh-token family) for a user inside the caller's transaction. */
export async function startSession(
  tx: Tx,
  deps: IdentityDeps,
  user: UserRow,
  meta: RequestMeta,
): Promise<AuthResult> {
  const now = deps.clock.now();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + deps.auth.sessionTtlSeconds * 1000).toISOString();
  await tx
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
      revoke_reason: null,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  const refreshToken = await addRefreshToken(tx, deps, sessionId, expiresAt);
  return {
    user: toUserView(user),
    accessToken: await issueAccessToken(deps.auth, deps.clock, {
      userId: user.id,
      role: user.role,
      sessionId,
    }),
    refreshToken,
    expiresIn: deps.auth.accessTokenTtlSeconds,
  };
}

/**
 * Revokes sessions at once: their refresh tokens stop working and their access tokens are refused.
 * `exceptSessionId` spares one of the user's sessions (the caller's, on a password change).
 */
export async function revokeSessions(
  db: DbOrTx,
  at: Date,
  where: { sessionId: string } | { userId: string; exceptSessionId?: string },
  reason: string,
): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: at.toISOString(), revoke_reason: reason })
    .where('revoked_at', 'is', null);
  if ('sessionId' in where) query = query.where('id', '=', where.sessionId);
  else {
    query = query.where('user_id', '=', where.userId);
    if (where.exceptSessionId) query = query.where('id', '!=', where.exceptSessionId);
  }
  await query.execute();
}
