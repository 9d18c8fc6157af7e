import type { Db } from '../db/database';
import type { Role } from '../db/schema';
import { pageWindow, type Page, type PageQuery } from '../shared/pagination';
import { requireRole, type Actor } from '../shared/actor';
import { toUserView, type UserView } from './user-view';

export interface ListUsersQuery extends PageQuery {
  q?: string;
  role?: Role;
}

/** Admins search users by e-mail or name, optionally by role, newest first. */
export async function listUsers(db: Db, actor: Actor, query: ListUsersQuery): Promise<Page<UserView>> {
  requireRole(actor, ['admin']);
  const { page, pageSize, offset } = pageWindow(query);
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  const q = query.q?.trim().toLowerCase();
  if (q) {
    // Escape LIKE wildcards so a search for "a_b" means exactly that.
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('email', 'like', eb.val(pattern)), eb(eb.fn('lower', ['name']), 'like', eb.val(pattern))]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUserView), page, pageSize, total: Number(count.n) };
}
