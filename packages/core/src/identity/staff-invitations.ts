import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { UserRow } from '../db/schema';
import { enqueueEmail } from '../outbox/enqueue-email';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import { ConflictError } from '../shared/errors';
import type { IdentityDeps } from './auth-settings';
import { staffInvitationMail } from './account-mail';
import { invalidToken, issueAccountToken, spendAccountToken, voidAccountTokens } from './account-tokens';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { revokeSessions, startSession, type AuthResult } from './sessions';
import { findOwnStaff, staffViews, type StaffView } from './staff-view';

/**
 * Issues a staff invitation (single-use, 7 days) for `user` and queues its mail, in the caller's
 * transaction; earlier invitations of the account die, so only the newest link works. The caller
 * reports `afterCommit.mailQueued()` once committed.
 */
export async function mailStaffInvitation(
  tx: Tx,
  deps: IdentityDeps,
  actor: Actor,
  user: Pick<UserRow, 'id' | 'name' | 'email'>,
): Promise<void> {
  const organizer = await tx
    .selectFrom('users')
    .select('name')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  await voidAccountTokens(tx, deps.clock, user.id, ['staff_invite']);
  const token = await issueAccountToken(tx, deps.clock, {
    userId: user.id,
    purpose: 'staff_invite',
    email: user.email,
  });
  await enqueueEmail(
    tx,
    deps.clock,
    staffInvitationMail(deps.publicUrl, user.email, user.name, organizer.name, token),
  );
}

/**
 * Mails an invited staff member a fresh link (the previous one stops working). 404 for another
 * organizer's staff; 409 `invitation_accepted` once the person has chosen a password.
 */
export async function resendStaffInvitation(
  deps: IdentityDeps,
  actor: Actor,
  staffId: string,
  meta: RequestMeta,
): Promise<StaffView> {
  requireRole(actor, ['organizer']);
  const view = await deps.db.transaction().execute(async (tx) => {
    const user = await findOwnStaff(tx, actor, staffId);
    const [current] = await staffViews(tx, [user]);
    if (current!.status !== 'invited') {
      throw new ConflictError(
        'invitation_accepted',
        'This staff member has already set a password: there is no invitation to resend',
      );
    }
    await mailStaffInvitation(tx, deps, actor, user);
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'staff.invited',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, name: user.name, resent: true },
    });
    const [view] = await staffViews(tx, [user]);
    return view!;
  });
  deps.afterCommit.mailQueued();
  return view;
}

/**
 * The invited person chooses their password with the mailed link's token and is signed in. The
 * password policy applies, checked before the token is spent so a refused password leaves the
 * link usable. The address is verified by the same stroke. An unknown, spent or expired token is
 * 400 `invalid_token`, and so is one whose account was removed (or disabled) meanwhile.
 */
export async function acceptStaffInvitation(
  deps: IdentityDeps,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<AuthResult> {
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const spent = await spendAccountToken(tx, deps.clock, input.token, ['staff_invite']);
    const user = await tx.selectFrom('users').selectAll().where('id', '=', spent.userId).executeTakeFirst();
    if (
      !user ||
      user.role !== 'staff' ||
      user.organizer_id === null ||
      user.disabled === 1 ||
      user.email !== spent.email
    )
      throw invalidToken();
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const accepted: UserRow = {
      ...user,
      password_hash: passwordHash,
      email_verified_at: user.email_verified_at ?? nowIso,
      updated_at: nowIso,
    };
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        email_verified_at: accepted.email_verified_at,
        updated_at: nowIso,
      })
      .where('id', '=', user.id)
      .execute();
    // Whoever signed in before (through a reset link, say) held a password this one replaces.
    await revokeSessions(tx, now, { userId: user.id }, 'staff_invitation_accepted');
    await voidAccountTokens(tx, deps.clock, user.id, ['staff_invite', 'password_reset', 'verify_email']);
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'staff.invitation_accepted',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, organizerId: user.organizer_id },
    });
    return startSession(tx, deps, accepted, meta);
  });
}
