import type { CoreDeps } from '../shared/core-deps';
import { writeAudit } from '../audit/write-audit';
import { ConflictError } from '../shared/errors';
import { createUserRow } from './create-user-row';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { validateNewUser } from './user-input';
import { normalizeEmail } from './user-view';

/**
 * Creates the first admin of a deployment (from ADMIN_EMAIL/ADMIN_PASSWORD or the admin:create
 * script). An existing account is never overwritten: its password and role stay as they are.
 * Several processes starting at once with the same ADMIN_EMAIL race to create it: the loser sees
 * its insert refused as `email_taken` and answers as if the account had existed.
 */
export async function ensureAdmin(
  deps: CoreDeps,
  input: { email: string; password: string; name?: string },
): Promise<{ created: boolean; userId: string }> {
  const email = normalizeEmail(input.email);
  const existing = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) return { created: false, userId: existing.id };
  const name = input.name ?? 'Administrator';
  validateNewUser({ email, name });
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await createAdmin(deps, email, name, passwordHash);
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'email_taken')) throw error;
    const winner = await deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return { created: false, userId: winner.id };
  }
}

function createAdmin(
  deps: CoreDeps,
  email: string,
  name: string,
  passwordHash: string,
): Promise<{ created: boolean; userId: string }> {
  return deps.db.transaction().execute(async (tx) => {
    const user = await createUserRow(tx, deps.clock, { email, name, passwordHash, role: 'admin' });
    await writeAudit(tx, deps.clock, {
      actorId: null,
      action: 'user.admin_created',
      targetType: 'user',
      targetId: user.id,
      details: { email },
    });
    return { created: true, userId: user.id };
  });
}
