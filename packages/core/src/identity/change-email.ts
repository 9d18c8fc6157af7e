import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { UserRow } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { IdentityDeps } from './auth-settings';
import { mailAccountLink } from './account-mail-queue';
import { assertCurrentPassword } from './current-password';
import { isValidEmail } from '../shared/email-address';
import { normalizeEmail } from './user-view';

export interface EmailChangeInput {
  newEmail: string;
  currentPassword: string;
}

const emailTaken = () => new ConflictError('email_taken', 'An account with this e-mail already exists');

/**
 * Starts an e-mail change: the current password confirms it is the owner asking, and a link
 * (single-use, 24 h) goes to the NEW address. The account keeps its old address until that link
 * is used (`verifyEmail`). An address another account has is 409 `email_taken`, here and again
 * when the link is used.
 */
export async function requestEmailChange(
  deps: IdentityDeps,
  actor: Actor,
  input: EmailChangeInput,
  meta: RequestMeta,
): Promise<void> {
  const newEmail = normalizeEmail(input.newEmail);
  if (!isValidEmail(newEmail))
    throw new ValidationError([{ field: 'newEmail', message: 'must be a valid e-mail address' }]);
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!user) throw new NotFoundError('User');
  await assertCurrentPassword(user, input.currentPassword);
  if (newEmail === user.email)
    throw new ValidationError([{ field: 'newEmail', message: 'is already the address of this account' }]);

  await deps.db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', newEmail).executeTakeFirst();
    if (taken) throw emailTaken();
    await mailAccountLink(tx, deps, user, 'change_email', newEmail);
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'user.email_change_requested',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { from: user.email, to: newEmail },
    });
  });
  deps.afterCommit.mailQueued();
}

/** Gives `user` the address `email`, verified now; 409 `email_taken` if another account has it. */
export async function takeEmail(tx: Tx, user: UserRow, email: string, now: string): Promise<UserRow> {
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .where('id', '!=', user.id)
    .executeTakeFirst();
  if (taken) throw emailTaken();
  try {
    await tx
      .updateTable('users')
      .set({ email, email_verified_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
  } catch (error) {
    // Someone signed up with it between the check and the update.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { ...user, email, email_verified_at: now, updated_at: now };
}
