import type { CoreDeps } from '../shared/core-deps';
import { writeAudit } from '../audit/write-audit';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import type { IdentityDeps } from './auth-settings';
import { createUserRow } from './create-user-row';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { validateNewUser } from './user-input';
import { toUserView, type UserView } from './user-view';

export interface CreateStaffInput {
  email: string;
  name: string;
  password: string;
}

/** An organizer creates a door-staff account that can only check in that organizer's events. */
export async function createStaff(
  deps: IdentityDeps,
  actor: Actor,
  input: CreateStaffInput,
  meta: RequestMeta,
): Promise<UserView> {
  requireRole(actor, ['organizer']);
  validateNewUser(input);
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const user = await createUserRow(tx, deps.clock, {
      email: input.email,
      name: input.name,
      passwordHash,
      role: 'staff',
      organizerId: actor.userId,
    });
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'staff.created',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email },
    });
    return toUserView(user);
  });
}

/** The organizer's own door staff. */
export async function listStaff(deps: CoreDeps, actor: Actor): Promise<{ items: UserView[] }> {
  const { db } = deps;
  requireRole(actor, ['organizer']);
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('organizer_id', '=', actor.userId)
    .where('role', '=', 'staff')
    .orderBy('created_at', 'asc')
    .execute();
  return { items: rows.map(toUserView) };
}
