'use client';

import type { Event, Order } from '@eventhub/client';
import { useOrderAccess } from './order-access';
import { orderTicketsPdf } from './orders-api';
import { ActionFeedback } from '@/components/action-feedback';
import { eventCalendarHref } from '@/lib/event-calendar';
import { saveBlob } from '@/lib/save-blob';
import { useRowAction } from '@/lib/use-row-action';

/** The order's tickets as a PDF to print, and the event (once loaded) for the buyer's calendar. */
export function OrderDownloads({ order, event }: { order: Order; event: Event | null }) {
  const { call } = useOrderAccess();
  const download = useRowAction();
  const tickets = order.tickets ?? [];
  const printable = tickets.some((ticket) => ticket.status === 'valid');
  const attending = tickets.some((ticket) => ticket.status !== 'void');
  const calendar = attending && event?.startsAt && event.status !== 'cancelled';

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
              const pdf = await call((client) => orderTicketsPdf(client, order.id));
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
