import { writeAudit } from '../audit/write-audit';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { RequestMeta } from '../shared/actor';
import type { OrderDeps } from './order-deps';
import { hashOrderToken } from './order-links';

// The newest orders of an address a mail lists; older ones are a support matter.
const MAX_LINKS = 50;

/**
 * "Find my tickets": mails `email` one message listing a link (with its token) to each of its
 * orders, newest first; an address without orders is sent nothing. Both cases write one audit
 * entry. The caller must answer the same way for both, and before this runs (the API answers 202
 * first and runs this after), so neither the answer nor its timing tells whether the address
 * bought anything.
 *
 * The links carry each order's own token (derived, see order-links.ts), so the links already
 * sent keep working: minting fresh tokens here would break them, at the request of anyone who
 * knows the address.
 */
export async function requestOrderLinks(
  deps: Pick<OrderDeps, 'db' | 'clock' | 'orderLinks' | 'afterCommit'>,
  input: { email: string },
  meta: RequestMeta,
): Promise<{ mailed: boolean }> {
  const email = input.email.trim().toLowerCase();
  const orders = await deps.db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .select([
      'orders.id',
      'orders.reference',
      'orders.status',
      'orders.order_token_hash',
      'orders.buyer_name',
      'events.name as event_name',
      'events.starts_at',
    ])
    .where('orders.buyer_email', '=', email)
    .orderBy('orders.created_at', 'desc')
    .limit(MAX_LINKS)
    .execute();
  const mailed = orders.length > 0;
  await deps.db.transaction().execute(async (tx) => {
    // Orders placed before tokens existed (migration 009) get their hash now, so the links work.
    for (const order of orders.filter((o) => !o.order_token_hash))
      await tx
        .updateTable('orders')
        .set({ order_token_hash: hashOrderToken(deps.orderLinks.token(order.id)) })
        .where('id', '=', order.id)
        .where('order_token_hash', 'is', null)
        .execute();
    if (mailed)
      await enqueueEmail(tx, deps.clock, {
        to: email,
        subject: 'Your EventHub orders',
        text: [
          `Hello ${orders[0]!.buyer_name},`,
          '',
          'Someone (we hope you) asked for the links to the orders placed with this address:',
          '',
          ...orders.map(
            (o) =>
              `- ${o.reference} · ${o.event_name}${o.starts_at ? ` (${o.starts_at.slice(0, 10)})` : ''} · ${o.status}\n  ${deps.orderLinks.pageUrl(o.id)}`,
          ),
          '',
          'Keep these links to yourself: whoever has one can manage that order.',
          'If you did not ask for this mail, you can ignore it.',
        ].join('\n'),
      });
    await writeAudit(tx, deps.clock, {
      actorId: null,
      action: 'order.links_requested',
      targetType: 'email',
      targetId: null,
      ip: meta.ip,
      details: { email, orders: orders.length },
    });
  });
  if (mailed) deps.afterCommit.mailQueued();
  return { mailed };
}
