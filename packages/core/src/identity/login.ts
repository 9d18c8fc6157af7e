import { writeAudit } from '../audit/write-audit';
import { UnauthenticatedError } from '../shared/errors';
import type { RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { dummyPasswordHash, verifyPassword } from './password-hashing';
import { startSession, type AuthResult } from './sessions';
import { normalizeEmail } from './user-view';

export interface LoginInput {
  email: string;
  password: string;
}

/**
 * Signs a user in. Unknown e-mail, wrong password and disabled account all fail the same way,
 * with the same body and about the same time, so the answer reveals nothing about who has an account.
 */
export async function login(deps: IdentityDeps, input: LoginInput, meta: RequestMeta): Promise<AuthResult> {
  const email = normalizeEmail(input.email);
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);

  if (!user || !passwordOk || user.disabled === 1) {
    const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled';
    await writeAudit(deps.db, deps.clock, {
      actorId: user?.id ?? null,
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      ip: meta.ip,
      details: { email, reason },
    });
    throw new UnauthenticatedError('invalid_credentials', 'Wrong e-mail or password');
  }

  return deps.db.transaction().execute(async (tx) => {
    const result = await startSession(tx, deps, user, meta);
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'auth.login_succeeded',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    });
    return result;
  });
}
