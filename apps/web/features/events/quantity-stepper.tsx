'use client';

import type { TicketType } from '@eventhub/client';
import { clampQuantity, stepDown, stepUp } from './ticket-selection';
import { fieldAria } from '@/components/field-error';

interface StepperProps {
  tier: TicketType;
  quantity: number;
  cap: number;
  error: string | undefined;
  onChange: (quantity: number) => void;
}

/** − and + around a number input: the buttons for pointers, the input for typing and arrow keys. */
export function QuantityStepper({ tier, quantity, cap, error, onChange }: StepperProps) {
  const id = `quantity-${tier.id}`;
  const canAdd = stepUp(quantity, tier, cap) !== quantity;
  return (
    <div className="stepper">
      <label htmlFor={id} className="visually-hidden">
        {tier.name} quantity
      </label>
      {/* aria-disabled rather than disabled: a pressed button that disables itself would drop focus. */}
      <button
        type="button"
        className="secondary outline"
        aria-label={`One ${tier.name} ticket fewer`}
        aria-disabled={quantity === 0 || undefined}
        onClick={() => onChange(stepDown(quantity, tier))}
      >
        −
      </button>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={Math.max(cap, quantity)}
        step={1}
        value={quantity}
        onChange={(e) => onChange(clampQuantity(e.target.value, cap))}
        onFocus={(e) => e.target.select()}
        {...fieldAria(id, error)}
      />
      <button
        type="button"
        className="secondary outline"
        aria-label={`One more ${tier.name} ticket`}
        aria-disabled={!canAdd || undefined}
        onClick={() => onChange(stepUp(quantity, tier, cap))}
      >
        +
      </button>
    </div>
  );
}
