import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Role } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { revokeSessions } from './sessions';
import { toUserView, type UserView } from './user-view';

export interface UpdateUserInput {
  role?: Role;
  disabled?: boolean;
}

/**
 * Admin changes a user's role or disables/enables the account. Disabling revokes every session
 * of the user in the same transaction. Admins cannot demote or disable themselves (no lock-out).
 */
export async function updateUser(
  deps: IdentityDeps,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
  meta: RequestMeta,
): Promise<UserView> {
  requireRole(actor, ['admin']);
  if (input.role === 'staff') {
    throw new ValidationError([{ field: 'role', message: 'door staff are created by an organizer' }]);
  }
  if (userId === actor.userId && (input.disabled === true || (input.role && input.role !== 'admin'))) {
    throw new ConflictError('cannot_modify_self', 'Admins cannot demote or disable themselves');
  }

  return deps.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) throw new NotFoundError('User');
    const now = deps.clock.now();
    const changes: { role?: Role; organizer_id?: null; disabled?: number } = {};
    const audit = (action: AuditAction, details: Record<string, unknown>) =>
      writeAudit(tx, deps.clock, {
        actorId: actor.userId,
        action,
        targetType: 'user',
        targetId: userId,
        ip: meta.ip,
        details,
      });

    if (input.role && input.role !== user.role) {
      changes.role = input.role;
      changes.organizer_id = null;
      await audit('user.role_changed', { from: user.role, to: input.role });
    }
    if (input.disabled !== undefined && (input.disabled ? 1 : 0) !== user.disabled) {
      changes.disabled = input.disabled ? 1 : 0;
      await audit(input.disabled ? 'user.disabled' : 'user.enabled', {});
      if (input.disabled) await revokeSessions(tx, now, { userId }, 'user_disabled');
    }
    if (Object.keys(changes).length === 0) return toUserView(user);

    await tx
      .updateTable('users')
      .set({ ...changes, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    return toUserView({ ...user, ...changes, updated_at: now.toISOString() });
  });
}
