import { sql, type ExpressionBuilder } from 'kysely';
import { containsText } from '../db/like-pattern';
import type { Database } from '../db/schema';
import type { CoreDeps } from '../shared/core-deps';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { requireRole, type Actor } from '../shared/actor';
import { AUDIT_ACTION_LIST } from './audit-actions';
import { resolveAuditNames, type AuditPerson, type AuditTarget } from './audit-names';

export interface AuditLogQuery extends PageQuery {
  actorId?: string;
  /** Text in the acting user's name or e-mail, any case. */
  actor?: string;
  /** One action (`order.placed`), or every action of a subject (`order` or `order.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Text in the target's name: an event's, a user's name or e-mail, an order's reference, a ticket's holder, a question's label. */
  target?: string;
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
  /** The acting user; null for the system (jobs, unknown callers). */
  actor: AuditPerson | null;
  /** What the entry is about, named; null when it is about nothing in particular. */
  target: AuditTarget | null;
  /** Names of the ids in `details`, by key: `eventId` → the event's name, `orderId` → its reference, `organizerId` → the person. */
  detailNames: Record<string, string>;
}

/** The stored action names an `action` filter stands for: itself and, as a subject, all of its actions. */
export function actionsMatching(action: string): string[] {
  const subject = action.endsWith('.') ? action.slice(0, -1) : action;
  return [subject, ...AUDIT_ACTION_LIST.filter((a) => a.startsWith(`${subject}.`))];
}

/** `lower(column)`, for matching text in any case. */
function lowered(column: string) {
  return sql<string>`lower(${sql.ref(column)})`;
}

/** Entries whose target's name contains `text` (lower-cased), for the kinds of target named by text. */
function targetNamed(eb: ExpressionBuilder<Database, 'audit_log'>, text: string) {
  const has = (column: string) => containsText(lowered(column), text);
  return eb.or([
    eb.and([
      eb('target_type', '=', 'event'),
      eb('target_id', 'in', eb.selectFrom('events').select('id').where(has('name'))),
    ]),
    eb.and([
      eb('target_type', '=', 'user'),
      eb(
        'target_id',
        'in',
        eb
          .selectFrom('users')
          .select('id')
          .where((u) => u.or([has('name'), has('email')])),
      ),
    ]),
    eb.and([
      eb('target_type', '=', 'order'),
      eb('target_id', 'in', eb.selectFrom('orders').select('id').where(has('reference'))),
    ]),
    eb.and([
      eb('target_type', '=', 'ticket'),
      eb('target_id', 'in', eb.selectFrom('tickets').select('id').where(has('holder_name'))),
    ]),
    eb.and([
      eb('target_type', '=', 'question'),
      eb('target_id', 'in', eb.selectFrom('questions').select('id').where(has('label'))),
    ]),
  ]);
}

/**
 * Admins read the audit log, newest first, filtered by actor (id or name), action (or a subject's
 * actions), target (type, id or name) and time range. Each entry names its actor and target.
 */
export async function listAuditLog(
  deps: CoreDeps,
  actor: Actor,
  query: AuditLogQuery,
): Promise<Page<AuditEntry>> {
  const { db } = deps;
  requireRole(actor, ['admin']);
  let base = db.selectFrom('audit_log');
  if (query.actorId) base = base.where('actor_id', '=', query.actorId);
  const person = query.actor?.trim().toLowerCase();
  if (person) {
    base = base.where((eb) =>
      eb(
        'actor_id',
        'in',
        eb
          .selectFrom('users')
          .select('id')
          .where((u) =>
            u.or([containsText(lowered('name'), person), containsText(lowered('email'), person)]),
          ),
      ),
    );
  }
  if (query.action) base = base.where('action', 'in', actionsMatching(query.action));
  if (query.targetType) base = base.where('target_type', '=', query.targetType);
  if (query.targetId) base = base.where('target_id', '=', query.targetId);
  const targetText = query.target?.trim().toLowerCase();
  if (targetText) base = base.where((eb) => targetNamed(eb, targetText));
  if (query.from) base = base.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) base = base.where('at', '<=', new Date(query.to).toISOString());

  const page = await fetchPage(base, query, (b) => b.selectAll().orderBy('at', 'desc').orderBy('id', 'desc'));
  const rows = page.items.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  const names = await resolveAuditNames(db, rows);
  return {
    ...page,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      ip: r.ip,
      details: r.details,
      actor: names.actor(r),
      target: names.target(r),
      detailNames: names.detailNames(r),
    })),
  };
}
