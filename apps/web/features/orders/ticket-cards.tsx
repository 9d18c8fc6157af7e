'use client';

import type { OrderAnswer, Ticket } from '@eventhub/client';
import { ticketAnswers } from './answer-groups';
import { AnswerList } from './order-answers';
import { TicketStatusBadge } from './order-status-badge';
import { TicketHolderForm, type HolderChange } from './ticket-holder-form';
import { useTicketQr } from './use-ticket-qr';
import { ActionFeedback } from '@/components/action-feedback';
import { ConfirmAction } from '@/components/confirm-action';
import { formatMoney } from '@/lib/event-format';
import type { ApiCall } from '@/lib/use-api-data';
import { useRowAction } from '@/lib/use-row-action';

function TicketQr({ ticket, via }: { ticket: Ticket; via?: ApiCall }) {
  const qr = useTicketQr(ticket, via);
  if (qr.src) {
    return (
      <img
        className="ticket-qr"
        src={qr.src}
        alt={`QR code of the ${ticket.ticketTypeName} ticket for ${ticket.holderName}`}
        width={240}
        height={240}
        data-testid="ticket-qr"
      />
    );
  }
  return (
    <p className="ticket-qr ticket-qr-placeholder" aria-busy={!qr.failed}>
      {qr.failed ? 'The QR code could not be loaded. Reload the page to try again.' : 'Loading QR code…'}
    </p>
  );
}

/** Replaces a lost or shared QR code: the old one then scans as void at the door. */
function ReissueCode({
  ticket,
  onReissue,
}: {
  ticket: Ticket;
  onReissue: (ticket: Ticket) => Promise<void>;
}) {
  const action = useRowAction();
  return (
    <div className="ticket-reissue">
      <ConfirmAction
        label={
          <>
            New QR code<span className="visually-hidden"> for {ticket.holderName}</span>
          </>
        }
        question="Replace this ticket's QR code? The old code, printed or shared, stops working at the door."
        confirmLabel="Yes, new code"
        dismissLabel="Keep this code"
        busy={action.busy}
        className="secondary outline compact"
        onConfirm={() =>
          action.run(async () => {
            await onReissue(ticket);
            return 'New QR code issued. The old one no longer admits anyone.';
          })
        }
      />
      <ActionFeedback error={action.error} notice={action.notice} />
    </div>
  );
}

/**
 * An order's tickets: holder, tier and status, the attendee's answers, with the QR code to show
 * at the door while valid. With `onReissue`, each valid ticket offers a new code; with
 * `onChangeHolder`, a new holder. `via` reaches the QR images when the page acts with the
 * order's token.
 */
export function TicketCards({
  tickets,
  currency,
  answers = [],
  onReissue,
  onChangeHolder,
  via,
}: {
  tickets: readonly Ticket[];
  currency: string;
  /** The order's answers; each card shows its attendee's. */
  answers?: readonly OrderAnswer[];
  onReissue?: (ticket: Ticket) => Promise<void>;
  onChangeHolder?: (ticket: Ticket, change: HolderChange) => Promise<void>;
  via?: ApiCall;
}) {
  if (tickets.length === 0) return <p>No tickets yet: they are issued once the order is paid.</p>;
  return (
    <ul className="ticket-cards" aria-label="Tickets">
      {tickets.map((ticket) => {
        const attendeeAnswers = ticketAnswers(answers, ticket.id);
        return (
          <li key={ticket.id} data-testid="ticket-card">
            <article className="ticket-card">
              <h3>{ticket.holderName}</h3>
              <p>
                {ticket.ticketTypeName} · {formatMoney(ticket.price, currency)}{' '}
                <TicketStatusBadge status={ticket.status} />
              </p>
              {attendeeAnswers.length > 0 && ticket.status !== 'void' ? (
                <AnswerList answers={attendeeAnswers} testId="ticket-answers" />
              ) : null}
              {ticket.status === 'void' ? (
                <p className="ticket-void">Refunded: this ticket is no longer valid.</p>
              ) : (
                <>
                  <TicketQr ticket={ticket} via={via} />
                  <small>
                    {ticket.status === 'used'
                      ? 'Checked in. Enjoy the event!'
                      : 'Show this code at the entrance, on your phone or printed.'}
                  </small>
                  {onChangeHolder && ticket.status === 'valid' ? (
                    <TicketHolderForm ticket={ticket} onChange={onChangeHolder} />
                  ) : null}
                  {onReissue && ticket.status === 'valid' ? (
                    <ReissueCode ticket={ticket} onReissue={onReissue} />
                  ) : null}
                </>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
