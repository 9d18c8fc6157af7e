import type { Tx } from '../db/database';
import type { AccountTokenPurpose, UserRow } from '../db/schema';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { IdentityDeps } from './auth-settings';
import { issueAccountToken } from './account-tokens';
import { emailChangeMail, passwordResetMail, verificationMail } from './account-mail';

/** The links a user asks for themselves; a staff invitation is mailed by identity/staff-invitations.ts. */
export type SelfServicePurpose = Exclude<AccountTokenPurpose, 'staff_invite'>;

const MAIL_OF: Record<
  SelfServicePurpose,
  typeof verificationMail | typeof emailChangeMail | typeof passwordResetMail
> = {
  verify_email: verificationMail,
  change_email: emailChangeMail,
  password_reset: passwordResetMail,
};

/**
 * Issues a token of `purpose` for `user` and queues the mail carrying its link to `to`, both in
 * the caller's transaction: the link is sent only if the token was stored. The caller reports
 * `afterCommit.mailQueued()` once that transaction has committed.
 */
export async function mailAccountLink(
  tx: Tx,
  deps: IdentityDeps,
  user: Pick<UserRow, 'id' | 'name'>,
  purpose: SelfServicePurpose,
  to: string,
): Promise<void> {
  const token = await issueAccountToken(tx, deps.clock, { userId: user.id, purpose, email: to });
  await enqueueEmail(tx, deps.clock, MAIL_OF[purpose](deps.publicUrl, to, user.name, token));
}
