import { writeAudit } from '../audit/write-audit';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { passwordChangedNotice } from './account-mail';
import { mailAccountLink } from './account-mail-queue';
import { invalidToken, spendAccountToken, voidAccountTokens } from './account-tokens';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { revokeSessions } from './sessions';
import { normalizeEmail } from './user-view';

/**
 * Someone forgot a password. A known, enabled account is mailed a reset link (single-use, 1 h);
 * any other address gets nothing. The caller answers 202 either way, and both paths do one small
 * transaction (the audit entry, plus the token and mail when known), so neither the answer nor
 * its time tells who has an account.
 */
export async function requestPasswordReset(
  deps: IdentityDeps,
  input: { email: string },
  meta: RequestMeta,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const known = !!user && user.disabled === 0;
  await deps.db.transaction().execute(async (tx) => {
    if (known) await mailAccountLink(tx, deps, user, 'password_reset', user.email);
    await writeAudit(tx, deps.clock, {
      actorId: known ? user.id : null,
      action: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: known ? user.id : null,
      ip: meta.ip,
      details: { email, mailed: known },
    });
  });
  if (known) deps.afterCommit.mailQueued();
}

/**
 * Sets a new password with a reset link's token (400 `invalid_token` if unknown, spent or
 * expired). The password policy applies, checked before the token is spent so a refused password
 * leaves the link usable. Every session of the user is revoked: whoever knew the old password is out.
 */
export async function resetPassword(
  deps: IdentityDeps,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (tx) => {
    const spent = await spendAccountToken(tx, deps.clock, input.token, ['password_reset']);
    const user = await tx.selectFrom('users').selectAll().where('id', '=', spent.userId).executeTakeFirst();
    if (!user) throw invalidToken();
    const now = deps.clock.now();
    // Invited door staff who chose "forgot password" instead of the invitation's link proved the
    // address just the same: that accepts the invitation, and its link is spent.
    const acceptsInvitation = user.role === 'staff' && user.email_verified_at === null;
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        updated_at: now.toISOString(),
        ...(acceptsInvitation ? { email_verified_at: now.toISOString() } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    await revokeSessions(tx, now, { userId: user.id }, 'password_reset');
    await voidAccountTokens(
      tx,
      deps.clock,
      user.id,
      acceptsInvitation ? ['password_reset', 'staff_invite'] : ['password_reset'],
    );
    await enqueueEmail(tx, deps.clock, passwordChangedNotice(user.email, user.name));
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'auth.password_reset_completed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    });
  });
  deps.afterCommit.mailQueued();
}
