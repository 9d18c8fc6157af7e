import type { Event } from '@eventhub/client';
import { formatMoney } from '@/lib/event-format';
import { priceTaxNote } from '@/lib/tax-format';

// Below this many left, the public page says how many.
const FEW_LEFT = 10;

/** The public list of ticket tiers: price, description and whether any are left. */
export function TicketTierList({ event }: { event: Event }) {
  if (event.ticketTypes.length === 0) return <p>Tickets have not been announced yet.</p>;
  return (
    <ul className="tier-list" aria-label="Ticket types">
      {event.ticketTypes.map((tier) => (
        <li key={tier.id} className="tier" data-testid="ticket-tier">
          <div className="tier-head">
            <strong className="tier-name">{tier.name}</strong>
            <span className="tier-price">
              {tier.price === 0 ? 'Free' : formatMoney(tier.price, event.currency)}
              {tier.price > 0 && tier.taxRate > 0 ? (
                <small className="tier-tax"> {priceTaxNote(tier.taxRate, event.pricesIncludeTax)}</small>
              ) : null}
            </span>
          </div>
          {tier.description ? <p className="tier-description">{tier.description}</p> : null}
          {tier.soldOut ? (
            <span className="badge badge-sold-out">Sold out</span>
          ) : tier.remaining <= FEW_LEFT ? (
            <small>Only {tier.remaining} left</small>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
