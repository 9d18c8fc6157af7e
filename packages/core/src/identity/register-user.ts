import { writeAudit } from '../audit/write-audit';
import { ValidationError } from '../shared/errors';
import type { RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { mailAccountLink } from './account-mail-queue';
import { createUserRow } from './create-user-row';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { startSession, type AuthResult } from './sessions';
import { validateNewUser } from './user-input';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  /** Self-registration may only ever produce these two roles. */
  role?: string;
}

const SELF_SERVICE_ROLES = ['customer', 'organizer'] as const;

/**
 * Signs up a customer or organizer and signs them in; never an admin or staff. The new address is
 * mailed a verification link.
 */
export async function registerUser(
  deps: IdentityDeps,
  input: RegisterInput,
  meta: RequestMeta,
): Promise<AuthResult> {
  const role = input.role ?? 'customer';
  if (!(SELF_SERVICE_ROLES as readonly string[]).includes(role)) {
    throw new ValidationError([{ field: 'role', message: 'must be customer or organizer' }]);
  }
  validateNewUser(input);
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);

  const result = await deps.db.transaction().execute(async (tx) => {
    const user = await createUserRow(tx, deps.clock, {
      email: input.email,
      name: input.name,
      passwordHash,
      role: role as (typeof SELF_SERVICE_ROLES)[number],
    });
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'user.registered',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, role: user.role },
    });
    // The address is unproven until its owner opens this link (single-use, 24 h).
    await mailAccountLink(tx, deps, user, 'verify_email', user.email);
    return startSession(tx, deps, user, meta);
  });
  deps.afterCommit.mailQueued();
  return result;
}
