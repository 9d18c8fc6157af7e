import type { CoreDeps } from '../shared/core-deps';
import type { Role } from '../db/schema';
import { containsText } from '../db/like-pattern';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { requireRole, type Actor } from '../shared/actor';
import { toUserView, type UserView } from './user-view';

export interface ListUsersQuery extends PageQuery {
  q?: string;
  role?: Role;
}

/** Admins search users by e-mail or name, optionally by role, newest first. */
export async function listUsers(
  deps: CoreDeps,
  actor: Actor,
  query: ListUsersQuery,
): Promise<Page<UserView>> {
  const { db } = deps;
  requireRole(actor, ['admin']);
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  const q = query.q?.trim().toLowerCase();
  if (q) {
    base = base.where((eb) => eb.or([containsText('email', q), containsText(eb.fn('lower', ['name']), q)]));
  }
  const rows = await fetchPage(base, query, (b) =>
    b.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
  );
  return { ...rows, items: rows.items.map(toUserView) };
}
