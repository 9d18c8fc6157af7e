import type { CoreDeps } from '../shared/core-deps';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { requireRole, type Actor } from '../shared/actor';

export interface AuditLogQuery extends PageQuery {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Admins read the audit log, newest first, filtered by actor, action and time range. */
export async function listAuditLog(
  deps: CoreDeps,
  actor: Actor,
  query: AuditLogQuery,
): Promise<Page<AuditEntry>> {
  const { db } = deps;
  requireRole(actor, ['admin']);
  let base = db.selectFrom('audit_log');
  if (query.actorId) base = base.where('actor_id', '=', query.actorId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.from) base = base.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) base = base.where('at', '<=', new Date(query.to).toISOString());

  const rows = await fetchPage(base, query, (b) => b.selectAll().orderBy('at', 'desc').orderBy('id', 'desc'));
  return {
    ...rows,
    items: rows.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      ip: r.ip,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
  };
}
