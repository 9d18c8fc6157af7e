import { writeAudit } from '../audit/write-audit';
import { UnauthenticatedError } from '../shared/errors';
import { issueAccessToken } from './access-tokens';
import type { RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { hashRefreshToken } from './refresh-tokens';
import { addRefreshToken, revokeSessions, type AuthResult } from './sessions';
import { toUserView } from './user-view';

type Outcome = { ok: AuthResult } | { fail: UnauthenticatedError };

const invalid = () =>
  new UnauthenticatedError('invalid_refresh_token', 'Refresh token is invalid or expired');

/**
 * Rotates a refresh token. The spend is one conditional UPDATE (`… WHERE used_at IS NULL`), so of
 * two concurrent refreshes with one token at most one wins. Presenting a token that was already
 * spent means it leaked: the whole family (every token of that login) is revoked.
 */
export async function refreshSession(
  deps: IdentityDeps,
  refreshToken: string,
  meta: RequestMeta,
): Promise<AuthResult> {
  const tokenHash = hashRefreshToken(refreshToken);
  const outcome = await deps.db.transaction().execute(async (tx): Promise<Outcome> => {
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const spent = await tx
      .updateTable('refresh_tokens')
      .set({ used_at: nowIso })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .returning(['session_id'])
      .executeTakeFirst();

    if (!spent) {
      const token = await tx
        .selectFrom('refresh_tokens')
        .select(['session_id', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!token || token.used_at === null) return { fail: invalid() };
      const session = await tx
        .selectFrom('sessions')
        .select(['user_id'])
        .where('id', '=', token.session_id)
        .executeTakeFirstOrThrow();
      await revokeSessions(tx, now, { sessionId: token.session_id }, 'refresh_token_reused');
      await writeAudit(tx, deps.clock, {
        actorId: session.user_id,
        action: 'auth.refresh_token_reused',
        targetType: 'session',
        targetId: token.session_id,
        ip: meta.ip,
      });
      return {
        fail: new UnauthenticatedError(
          'refresh_token_reused',
          'This refresh token was already used; the session has been revoked',
        ),
      };
    }

    const found = await tx
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.expires_at as session_expires_at', 'sessions.revoked_at as session_revoked_at'])
      .where('sessions.id', '=', spent.session_id)
      .executeTakeFirstOrThrow();
    if (found.session_revoked_at !== null || found.session_expires_at <= nowIso || found.disabled === 1) {
      return { fail: invalid() };
    }
    const { session_expires_at, session_revoked_at: _revoked, ...user } = found;
    const next = await addRefreshToken(tx, deps, spent.session_id, session_expires_at);
    return {
      ok: {
        user: toUserView(user),
        accessToken: await issueAccessToken(deps.auth, deps.clock, {
          userId: user.id,
          role: user.role,
          sessionId: spent.session_id,
        }),
        refreshToken: next,
        expiresIn: deps.auth.accessTokenTtlSeconds,
      },
    };
  });
  // A failure is thrown only after the commit, so the family revocation and its audit entry persist.
  if ('fail' in outcome) throw outcome.fail;
  return outcome.ok;
}
