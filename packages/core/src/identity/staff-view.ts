import type { DbOrTx, Tx } from '../db/database';
import type { UserRow } from '../db/schema';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { toUserView, type UserView } from './user-view';

/**
 * `invited`: sent an invitation not yet accepted (no password of their own); `active`: can sign
 * in; `disabled`: an admin disabled the account.
 */
export type StaffStatus = 'invited' | 'active' | 'disabled';

/** A door-staff account as its organizer sees it. */
export interface StaffView extends UserView {
  status: StaffStatus;
  /** When the newest invitation was mailed; null for an account created with a password. */
  invitedAt: string | null;
  /** When that invitation's link stops working (it may already have). */
  invitationExpiresAt: string | null;
}

/**
 * Staff rows with their invitation state. An account is `invited` while it has an invitation and
 * has not proven its address: accepting is what verifies it (a removed account invited again
 * starts unverified).
 */
export async function staffViews(db: DbOrTx, rows: UserRow[]): Promise<StaffView[]> {
  if (rows.length === 0) return [];
  const invitations = await db
    .selectFrom('account_tokens')
    .select([
      'user_id',
      (eb) => eb.fn.max('created_at').as('invited_at'),
      (eb) => eb.fn.max('expires_at').as('expires_at'),
    ])
    .where('purpose', '=', 'staff_invite')
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('user_id')
    .execute();
  const byUser = new Map(invitations.map((i) => [i.user_id, i]));
  return rows.map((row) => {
    const invitation = byUser.get(row.id);
    const status: StaffStatus =
      row.disabled === 1 ? 'disabled' : invitation && row.email_verified_at === null ? 'invited' : 'active';
    return {
      ...toUserView(row),
      status,
      invitedAt: invitation ? String(invitation.invited_at) : null,
      invitationExpiresAt: invitation ? String(invitation.expires_at) : null,
    };
  });
}

/** One of the organizer's staff accounts, or 404 for anyone else's (or no staff at all). */
export async function findOwnStaff(tx: Tx, actor: Actor, staffId: string): Promise<UserRow> {
  const user = await tx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', staffId)
    .where('role', '=', 'staff')
    .where('organizer_id', '=', actor.userId)
    .executeTakeFirst();
  if (!user) throw new NotFoundError('Staff member');
  return user;
}
