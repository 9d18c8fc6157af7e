import { writeAudit } from '../audit/write-audit';
import type { UserRow } from '../db/schema';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { Actor, RequestMeta } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import type { IdentityDeps } from './auth-settings';
import { emailChangedNotice } from './account-mail';
import { mailAccountLink } from './account-mail-queue';
import { invalidToken, spendAccountToken, voidAccountTokens } from './account-tokens';
import { claimGuestOrders } from './claim-guest-orders';
import { takeEmail } from './change-email';
import { toUserView, type UserView } from './user-view';

/**
 * Mails the signed-in user a link (single-use, 24 h) that proves their address is theirs. An
 * address already verified gets no mail: there is nothing to prove.
 */
export async function requestEmailVerification(
  deps: IdentityDeps,
  actor: Actor,
  meta: RequestMeta,
): Promise<void> {
  const queued = await deps.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
    if (!user) throw new NotFoundError('User');
    if (user.email_verified_at !== null) return false;
    await mailAccountLink(tx, deps, user, 'verify_email', user.email);
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'user.email_verification_requested',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email },
    });
    return true;
  });
  if (queued) deps.afterCommit.mailQueued();
}

/**
 * Uses a link mailed by `requestEmailVerification`, registration or `requestEmailChange`. Either
 * way the address the link went to is now verified, and guest orders placed with it join the
 * account; for an e-mail change it becomes the account's address (409 `email_taken` if someone
 * took it meanwhile) and the old address is told. A spent, expired or unknown token is 400
 * `invalid_token`, as is a verification link for an address the account no longer has.
 */
export async function verifyEmail(
  deps: IdentityDeps,
  input: { token: string },
  meta: RequestMeta,
): Promise<UserView> {
  const { user, mailed } = await deps.db.transaction().execute(async (tx) => {
    const spent = await spendAccountToken(tx, deps.clock, input.token, ['verify_email', 'change_email']);
    const row = await tx.selectFrom('users').selectAll().where('id', '=', spent.userId).executeTakeFirst();
    if (!row) throw invalidToken();
    const now = deps.clock.now().toISOString();
    const audit = { actorId: row.id, targetType: 'user', targetId: row.id, ip: meta.ip };

    if (spent.purpose === 'verify_email') {
      if (spent.email !== row.email) throw invalidToken();
      const verified: UserRow = { ...row, email_verified_at: row.email_verified_at ?? now };
      if (row.email_verified_at === null) {
        await tx
          .updateTable('users')
          .set({ email_verified_at: now, updated_at: now })
          .where('id', '=', row.id)
          .execute();
        verified.updated_at = now;
      }
      await voidAccountTokens(tx, deps.clock, row.id, ['verify_email']);
      await claimGuestOrders(tx, row.id, row.email);
      await writeAudit(tx, deps.clock, {
        ...audit,
        action: 'user.email_verified',
        details: { email: row.email },
      });
      return { user: verified, mailed: false };
    }

    const changed = await takeEmail(tx, row, spent.email, now);
    // Links mailed to the old address (or to other new ones) no longer speak for this account.
    await voidAccountTokens(tx, deps.clock, row.id, ['verify_email', 'change_email', 'password_reset']);
    await claimGuestOrders(tx, row.id, changed.email);
    await enqueueEmail(tx, deps.clock, emailChangedNotice(row.email, row.name, changed.email));
    await writeAudit(tx, deps.clock, {
      ...audit,
      action: 'user.email_changed',
      details: { from: row.email, to: changed.email },
    });
    return { user: changed, mailed: true };
  });
  if (mailed) deps.afterCommit.mailQueued();
  return toUserView(user);
}
