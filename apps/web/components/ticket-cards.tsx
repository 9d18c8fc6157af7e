'use client';

import { TicketStatusBadge } from './order-status-badge';
import { formatMoney } from '@/lib/event-format';
import type { Ticket } from '@eventhub/client';
import { useTicketQr } from '@/lib/use-ticket-qr';

function TicketQr({ ticket }: { ticket: Ticket }) {
  const qr = useTicketQr(ticket.id);
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

/** An order's tickets: holder, tier and status, with the QR code to show at the door while valid. */
export function TicketCards({ tickets, currency }: { tickets: readonly Ticket[]; currency: string }) {
  if (tickets.length === 0) return <p>No tickets yet: they are issued once the order is paid.</p>;
  return (
    <ul className="ticket-cards" aria-label="Tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id} data-testid="ticket-card">
          <article className="ticket-card">
            <h3>{ticket.holderName}</h3>
            <p>
              {ticket.ticketTypeName} · {formatMoney(ticket.price, currency)}{' '}
              <TicketStatusBadge status={ticket.status} />
            </p>
            {ticket.status === 'void' ? (
              <p className="ticket-void">Refunded: this ticket is no longer valid.</p>
            ) : (
              <>
                <TicketQr ticket={ticket} />
                <small>
                  {ticket.status === 'used'
                    ? 'Checked in. Enjoy the event!'
                    : 'Show this code at the entrance, on your phone or printed.'}
                </small>
              </>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
