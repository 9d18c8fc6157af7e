import type { CoreDeps } from '../shared/core-deps';
import { writeAudit } from '../audit/write-audit';
import { NotFoundError, ValidationError } from '../shared/errors';
import type { Actor, RequestMeta } from '../shared/actor';
import { toUserView, type UserView } from './user-view';

/** The signed-in user's own profile. */
export async function getCurrentUser(deps: CoreDeps, actor: Actor): Promise<UserView> {
  const { db } = deps;
  const row = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
  if (!row) throw new NotFoundError('User');
  return toUserView(row);
}

/** A user changes their own profile. Only the name: role, organizer and status are not theirs to set. */
export async function updateProfile(
  deps: CoreDeps,
  actor: Actor,
  input: { name?: string | undefined },
  meta: RequestMeta,
): Promise<UserView> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
    if (!row) throw new NotFoundError('User');
    if (input.name === undefined || input.name.trim() === row.name) return toUserView(row);
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100)
      throw new ValidationError([{ field: 'name', message: 'must be 1 to 100 characters' }]);
    const updatedAt = deps.clock.now().toISOString();
    await tx
      .updateTable('users')
      .set({ name, updated_at: updatedAt })
      .where('id', '=', actor.userId)
      .execute();
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'user.profile_updated',
      targetType: 'user',
      targetId: actor.userId,
      ip: meta.ip,
      details: { fields: ['name'] },
    });
    return toUserView({ ...row, name, updated_at: updatedAt });
  });
}
