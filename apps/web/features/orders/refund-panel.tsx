'use client';

import { useState } from 'react';
import type { Order, Refund } from '@eventhub/client';
import { useOrderAccess } from './order-access';
import { refundableTickets } from './order-status';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { errorMessage } from '@/lib/error-message';
import { formatMoney } from '@/lib/event-format';
import { AttemptKey } from '@/lib/idempotency-key';
import { sumMoney } from '@/lib/money';

interface Props {
  order: Order;
  /** The buyer asks within the event's policy; the organizer and admins refund at any time. */
  asBuyer: boolean;
  /** The event's refund policy in a sentence, when known. */
  policy: string | null;
  onRefunded: (refund: Refund) => void;
}

function ticketsPhrase(n: number): string {
  return `${n} ${n === 1 ? 'ticket' : 'tickets'}`;
}

/**
 * Refund the whole order or chosen tickets, each after an inline confirmation. The API decides
 * whether the policy allows it; its reason is shown when it refuses.
 */
export function RefundPanel({ order, asBuyer, policy, onRefunded }: Props) {
  const { call } = useOrderAccess();
  const refundable = refundableTickets(order, asBuyer);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt] = useState(() => new AttemptKey());

  const chosen = refundable.filter((t) => selected.has(t.id));
  const amountOf = (tickets: typeof refundable) =>
    formatMoney(
      sumMoney(
        tickets.map((t) => ({ amount: t.price })),
        order.currency,
      ),
      order.currency,
    );

  async function refund(ticketIds: string[] | undefined) {
    const body = {
      ...(ticketIds ? { ticketIds } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    const key = attempt.keyFor({ orderId: order.id, ...body });
    setBusy(true);
    setError(null);
    try {
      const result = await call((client) => client.orders.refund(order.id, body, key));
      attempt.settle();
      setSelected(new Set());
      setReason('');
      onRefunded(result);
    } catch (reason) {
      attempt.settle(reason);
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  if (refundable.length === 0) return null;
  // Some tickets stay out of the refund: refunded already, or (for a buyer) used at the door.
  const partly = refundable.length < (order.tickets ?? []).length;
  const verb = asBuyer ? 'Request a refund' : 'Refund';
  return (
    <section aria-labelledby="refund-heading" className="refund-panel">
      <h2 id="refund-heading">{verb}</h2>
      {policy ? <p>{policy}</p> : null}
      <FormAlert message={error} />

      {refundable.length > 1 ? (
        <fieldset>
          <legend>Choose tickets to refund</legend>
          {refundable.map((ticket) => (
            <label key={ticket.id}>
              <input
                type="checkbox"
                checked={selected.has(ticket.id)}
                onChange={(e) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    if (e.target.checked) next.add(ticket.id);
                    else next.delete(ticket.id);
                    return next;
                  })
                }
              />
              {ticket.holderName} · {ticket.ticketTypeName} · {formatMoney(ticket.price, order.currency)}
            </label>
          ))}
        </fieldset>
      ) : null}

      <label htmlFor="refund-reason">Reason (optional)</label>
      <input
        id="refund-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoComplete="off"
      />

      <div className="row-actions">
        {refundable.length > 1 ? (
          <ConfirmAction
            label={
              chosen.length > 0 ? `Refund selected tickets (${chosen.length})` : 'Refund selected tickets'
            }
            question={`Refund ${ticketsPhrase(chosen.length)} for ${amountOf(chosen)}? They stop being valid at once.`}
            confirmLabel="Yes, refund"
            onConfirm={() => refund(chosen.map((t) => t.id))}
            busy={busy}
            disabled={chosen.length === 0}
          />
        ) : null}
        <ConfirmAction
          label={partly ? 'Refund all remaining tickets' : 'Refund whole order'}
          question={`Refund ${refundable.length > 1 ? `all ${ticketsPhrase(refundable.length)}` : 'the ticket'} for ${amountOf(refundable)}? ${refundable.length > 1 ? 'They stop' : 'It stops'} being valid at once.`}
          confirmLabel="Yes, refund"
          onConfirm={() => refund(undefined)}
          busy={busy}
          className="contrast outline compact"
        />
      </div>
      {refundable.length > 1 && chosen.length === 0 ? (
        <p>
          <small>Check tickets above to refund only those.</small>
        </p>
      ) : null}
    </section>
  );
}
