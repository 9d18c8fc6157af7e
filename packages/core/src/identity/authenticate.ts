import { UnauthenticatedError } from '../shared/errors';
import { verifyAccessToken } from './access-tokens';
import type { Actor } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';

/**
 * Turns an access token into the acting user. Besides the JWT checks, the session must still be
 * live and the user enabled, so logout and disabling take effect at once, not 15 minutes later;
 * the role comes from the database, so a role change does too.
 */
export async function authenticate(deps: IdentityDeps, accessToken: string): Promise<Actor> {
  const claims = await verifyAccessToken(deps.auth, deps.clock, accessToken);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.role',
      'users.organizer_id',
      'users.disabled',
      'sessions.revoked_at',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', claims.sessionId)
    .executeTakeFirst();
  const nowIso = deps.clock.now().toISOString();
  if (
    !row ||
    row.id !== claims.userId ||
    row.revoked_at !== null ||
    row.expires_at <= nowIso ||
    row.disabled === 1
  ) {
    throw new UnauthenticatedError('invalid_token', 'Session is no longer valid');
  }
  return {
    userId: row.id,
    role: row.role,
    organizerId: row.role === 'organizer' ? row.id : row.organizer_id,
    sessionId: claims.sessionId,
  };
}
