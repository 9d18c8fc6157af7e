import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { hashRefreshToken } from './refresh-tokens';
import { revokeSessions } from './sessions';

/**
 * Ends a login: the session of the given refresh token (or, without one, the caller's current
 * session) is revoked with all its tokens. A token of another user's session is ignored.
 */
export async function logout(
  deps: IdentityDeps,
  actor: Actor,
  input: { refreshToken?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  let sessionId = actor.sessionId;
  if (input.refreshToken) {
    const found = await deps.db
      .selectFrom('refresh_tokens')
      .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
      .select(['sessions.id', 'sessions.user_id'])
      .where('refresh_tokens.token_hash', '=', hashRefreshToken(input.refreshToken))
      .executeTakeFirst();
    if (found && found.user_id === actor.userId) sessionId = found.id;
  }
  await deps.db.transaction().execute(async (tx) => {
    await revokeSessions(tx, deps.clock.now(), { sessionId }, 'logout');
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'auth.logout',
      targetType: 'session',
      targetId: sessionId,
      ip: meta.ip,
    });
  });
}
