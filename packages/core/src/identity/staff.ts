import { randomBytes } from 'node:crypto';
import type { CoreDeps } from '../shared/core-deps';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { UserRow } from '../db/schema';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { voidAccountTokens } from './account-tokens';
import { createUserRow } from './create-user-row';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { revokeSessions } from './sessions';
import { mailStaffInvitation } from './staff-invitations';
import { findOwnStaff, staffViews, type StaffView } from './staff-view';
import { validateNewUser } from './user-input';
import { normalizeEmail } from './user-view';

export type { StaffStatus, StaffView } from './staff-view';

export interface CreateStaffInput {
  email: string;
  name: string;
  /**
   * Set by the organizer (the original contract). Without it the account gets no usable password
   * and the address is mailed an invitation whose link lets the person choose their own.
   */
  password?: string | undefined;
}

/**
 * A random password nobody knows, hashed like any other: an invited account cannot be signed in
 * to until its invitation is accepted, and a login attempt at it costs the same time as at any
 * other account (an unparsable marker would answer faster and tell who was invited).
 */
function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/**
 * A staff account an organizer removed: disabled and detached from any organizer. Inviting its
 * address again brings it back for the inviting organizer (the person chooses a new password).
 */
async function findRemovedStaff(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .where('role', '=', 'staff')
    .where('disabled', '=', 1)
    .where('organizer_id', 'is', null)
    .executeTakeFirst();
}

/**
 * An organizer adds a door-staff account that can only check in that organizer's events. With a
 * `password` the account is ready at once; without one, it is invited: it has no usable password
 * and the address is mailed a link (single-use, 7 days) to choose one. An address taken by any
 * account is 409 `email_taken`, except a staff account some organizer removed, which is invited
 * again.
 */
export async function createStaff(
  deps: IdentityDeps,
  actor: Actor,
  input: CreateStaffInput,
  meta: RequestMeta,
): Promise<StaffView> {
  requireRole(actor, ['organizer']);
  validateNewUser(input);
  const invited = input.password === undefined;
  if (!invited) assertAcceptablePassword(input.password!);
  const passwordHash = invited ? await unusablePasswordHash() : await hashPassword(input.password!);

  const view = await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const removed = await findRemovedStaff(tx, input.email);
    let user: UserRow;
    if (removed) {
      user = {
        ...removed,
        name: input.name.trim(),
        password_hash: passwordHash,
        organizer_id: actor.userId,
        disabled: 0,
        // Proven again by accepting this invitation.
        email_verified_at: invited ? null : removed.email_verified_at,
        updated_at: now,
      };
      await tx
        .updateTable('users')
        .set({
          name: user.name,
          password_hash: user.password_hash,
          organizer_id: user.organizer_id,
          disabled: 0,
          email_verified_at: user.email_verified_at,
          updated_at: now,
        })
        .where('id', '=', removed.id)
        .execute();
    } else {
      user = await createUserRow(tx, deps.clock, {
        email: input.email,
        name: input.name,
        passwordHash,
        role: 'staff',
        organizerId: actor.userId,
      });
    }
    if (invited) await mailStaffInvitation(tx, deps, actor, user);
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: invited ? 'staff.invited' : 'staff.created',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, name: user.name, ...(removed ? { rejoined: true } : {}) },
    });
    const [view] = await staffViews(tx, [user]);
    return view!;
  });
  if (invited) deps.afterCommit.mailQueued();
  return view;
}

/** The organizer's own door staff, invited ones included (`status: "invited"`), oldest first. */
export async function listStaff(deps: CoreDeps, actor: Actor): Promise<{ items: StaffView[] }> {
  const { db } = deps;
  requireRole(actor, ['organizer']);
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('organizer_id', '=', actor.userId)
    .where('role', '=', 'staff')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return { items: await staffViews(db, rows) };
}

/**
 * An organizer removes one of their door staff (404 for anyone else's). The account is disabled
 * and detached from the organizer rather than deleted, so the check-ins and audit entries it left
 * keep naming it; every session ends in the same transaction (access tokens are refused from the
 * next request on, not at their expiry) and any invitation or reset link it was sent dies.
 */
export async function removeStaff(
  deps: IdentityDeps,
  actor: Actor,
  staffId: string,
  meta: RequestMeta,
): Promise<void> {
  requireRole(actor, ['organizer']);
  await deps.db.transaction().execute(async (tx) => {
    const user = await findOwnStaff(tx, actor, staffId);
    const now = deps.clock.now();
    await tx
      .updateTable('users')
      .set({ disabled: 1, organizer_id: null, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await revokeSessions(tx, now, { userId: user.id }, 'staff_removed');
    await voidAccountTokens(tx, deps.clock, user.id, [
      'staff_invite',
      'password_reset',
      'verify_email',
      'change_email',
    ]);
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'staff.removed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, name: user.name },
    });
  });
}
