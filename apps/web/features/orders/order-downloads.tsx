'use client';

import type { Order } from '@eventhub/client';
import { orderTicketsPdf } from './orders-api';
import { ActionFeedback } from '@/components/action-feedback';
import { useAuth } from '@/lib/auth-context';
import { eventCalendarHref } from '@/lib/event-calendar';
import { saveBlob } from '@/lib/save-blob';
import { useApiData } from '@/lib/use-api-data';
import { useRowAction } from '@/lib/use-row-action';

/** The order's tickets as a PDF to print, and the event for the buyer's calendar. */
export function OrderDownloads({ order }: { order: Order }) {
  const { authed } = useAuth();
  const download = useRowAction();
  const tickets = order.tickets ?? [];
  const printable = tickets.some((ticket) => ticket.status === 'valid');
  const attending = tickets.some((ticket) => ticket.status !== 'void');
  // The calendar file needs a date; the order does not carry the event's, the event page does.
  const event = useApiData((client) => client.events.get(order.eventId), order.eventId);
  const calendar = attending && event.data?.startsAt && event.data.status !== 'cancelled';

  if (!printable && !calendar) return null;
  return (
    <div className="row-actions order-downloads">
      {printable ? (
        <button
          type="button"
          className="secondary compact"
          aria-busy={download.busy || undefined}
          onClick={() =>
            void download.run(async () => {
              const pdf = await authed((client) => orderTicketsPdf(client, order.id));
              saveBlob(pdf, `tickets-${order.id}.pdf`);
              return 'Your tickets PDF is downloading.';
            })
          }
        >
          Download PDF tickets
        </button>
      ) : null}
      {calendar ? (
        <a href={eventCalendarHref(order.eventId)} download={`event-${order.eventId}.ics`}>
          Add to calendar
        </a>
      ) : null}
      <ActionFeedback error={download.error} notice={download.notice} />
    </div>
  );
}
