'use client';

import type { TicketType } from '@eventhub/client';
import { QuantityStepper } from './quantity-stepper';
import { remainingNote } from './availability';
import { perOrderRule, type TierSale } from './ticket-selection';
import { FieldError } from '@/components/field-error';
import { formatInZone, formatMoney } from '@/lib/event-format';
import { priceTaxNote } from '@/lib/tax-format';

function saleNote(sale: TierSale, timezone: string): string | null {
  if (sale.state === 'sold_out') return 'Sold out';
  if (sale.state === 'ended') return 'Sales have ended';
  if (sale.state === 'not_yet') return `On sale from ${formatInZone(sale.opens, timezone)}`;
  return null;
}

interface Props {
  tier: TicketType;
  sale: TierSale;
  event: { currency: string; timezone: string; pricesIncludeTax: boolean };
  quantity: number;
  /** The most of this tier the order can take now. */
  cap: number;
  error: string | undefined;
  onChange: (quantity: number) => void;
}

/** One tier of the ticket selector: name, price with its tax, and how many (or why none). */
export function TierChoice({ tier, sale, event, quantity, cap, error, onChange }: Props) {
  const note = saleNote(sale, event.timezone);
  const rule = perOrderRule(tier);
  const tax = tier.price === 0 ? '' : priceTaxNote(tier.taxRate, event.pricesIncludeTax);
  return (
    <li className="tier" data-testid="ticket-tier">
      <div className="tier-head">
        <strong className="tier-name">{tier.name}</strong>
        <span className="tier-price">
          {tier.price === 0 ? 'Free' : formatMoney(tier.price, event.currency)}
          {tax ? <small className="tier-tax"> {tax}</small> : null}
        </span>
      </div>
      {tier.description ? <p className="tier-description">{tier.description}</p> : null}
      <div className="tier-buy">
        {sale.state === 'on_sale' ? (
          <QuantityStepper tier={tier} quantity={quantity} cap={cap} error={error} onChange={onChange} />
        ) : (
          <span
            className={`badge ${sale.state === 'sold_out' ? 'badge-sold-out' : 'badge-draft'}`}
            data-testid={sale.state === 'sold_out' ? 'tier-remaining' : undefined}
          >
            {note}
          </span>
        )}
        {sale.state === 'on_sale' ? (
          <small className="tier-facts">
            {rule ? `${rule} · ` : null}
            <span data-testid="tier-remaining">{remainingNote(tier)}</span>
          </small>
        ) : null}
      </div>
      <FieldError id={`quantity-${tier.id}-error`} message={error} />
    </li>
  );
}
