'use client';

import { ApiError, type Event, type TicketType } from '@eventhub/client';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { AttendeeFields } from './attendee-fields';
import { remainingNote, withAvailability } from './availability';
import {
  availableQuantities,
  buildOrderRequest,
  clampQuantity,
  EMPTY_ATTENDEE,
  perOrderRule,
  quantityProblems,
  seatsOf,
  selectionSubtotal,
  selectorFieldOf,
  stepDown,
  stepUp,
  tierCap,
  tierSale,
  ticketTotal,
  type AttendeeDraft,
  type TierSale,
} from './ticket-selection';
import { useLiveAvailability } from './use-live-availability';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { formatInZone, formatMoney } from '@/lib/event-format';
import { NO_PROBLEM, toFormProblem, type FormProblem, type CodeMessages } from '@/lib/form-problem';
import { AttemptKey } from '@/lib/idempotency-key';
import { openPath } from '@/lib/open-path';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';

const MESSAGES: CodeMessages = {
  sold_out:
    'Not enough tickets are left for your selection. The counts above are updated; please choose again.',
};

function saleNote(sale: TierSale, timezone: string): string | null {
  if (sale.state === 'sold_out') return 'Sold out';
  if (sale.state === 'ended') return 'Sales have ended';
  if (sale.state === 'not_yet') return `On sale from ${formatInZone(sale.opens, timezone)}`;
  return null;
}

interface StepperProps {
  tier: TicketType;
  quantity: number;
  cap: number;
  error: string | undefined;
  onChange: (quantity: number) => void;
}

/** − and + around a number input: the buttons for pointers, the input for typing and arrow keys. */
function QuantityStepper({ tier, quantity, cap, error, onChange }: StepperProps) {
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

/**
 * The public event page's ticket selector: how many of each tier, a promo code and who is coming.
 * Reserving places a pending order (the API holds the tickets) and opens its checkout. Signed-out
 * visitors are sent to log in first.
 */
export function TicketSelector({ event: rendered, now }: { event: Event; now: number }) {
  const { session, authed } = useAuth();
  // Rendered with the counts of page load; the live stream's replace them once it has spoken.
  const live = useLiveAvailability(rendered.id);
  const event = useMemo(() => withAvailability(rendered, live), [rendered, live]);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // One Idempotency-Key per reservation attempt, reused only to retry one that got no answer.
  const [attempt] = useState(() => new AttemptKey());
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [attendees, setAttendees] = useState<Record<string, AttendeeDraft>>({});
  const [promoCode, setPromoCode] = useState('');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [submitting, setSubmitting] = useState(false);
  // Focus jumps to the first flagged field after a submit only, never while someone is typing.
  const [refused, setRefused] = useState<FormProblem>(NO_PROBLEM);
  useFocusFirstInvalid(formRef, refused);

  function refuse(next: FormProblem) {
    setProblem(next);
    setRefused(next);
  }

  const tiers = event.ticketTypes;
  const sales = new Map(tiers.map((t) => [t.id, tierSale(event, t, now)]));
  const anyOnSale = [...sales.values()].some((s) => s.state === 'on_sale');
  const quantities = availableQuantities(chosen, sales);
  const seats = seatsOf(tiers, quantities);
  const count = ticketTotal(quantities);
  const user = session.status === 'signed-in' ? session.user : null;

  // The first ticket is the buyer's own unless they change it.
  const draftOf = (key: string, index: number): AttendeeDraft =>
    attendees[key] ??
    (index === 0 && user ? { ...EMPTY_ATTENDEE, name: user.name, email: user.email } : EMPTY_ATTENDEE);

  // Editing a field the server flagged clears its message, and the form's once none is left.
  function clearField(key: string) {
    if (!problem.fields[key]) return;
    setProblem((p) => {
      const fields = { ...p.fields, [key]: undefined };
      return { fields, message: Object.values(fields).some(Boolean) ? p.message : null };
    });
  }

  function setQuantity(tierId: string, quantity: number) {
    setChosen((current) => ({ ...current, [tierId]: quantity }));
    clearField(`quantity:${tierId}`);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!user) {
      router.push(`/login?next=${encodeURIComponent(`/events/${event.id}`)}`);
      return;
    }
    if (count === 0) {
      refuse({ fields: {}, message: 'Choose at least one ticket.' });
      return;
    }
    const local = quantityProblems(tiers, quantities);
    if (Object.keys(local).length > 0) {
      refuse({
        fields: Object.fromEntries(Object.entries(local).map(([id, message]) => [`quantity:${id}`, message])),
        message: 'Please correct the highlighted fields.',
      });
      return;
    }
    const request = buildOrderRequest({
      eventId: event.id,
      tiers,
      quantities,
      attendees: Object.fromEntries(seats.map((seat, i) => [seat.key, draftOf(seat.key, i)])),
      buyer: user,
      promoCode,
    });
    const formFields = [
      'promoCode',
      ...tiers.map((t) => `quantity:${t.id}`),
      ...seats.flatMap((s) => ['name', 'email', 'ageRange', 'country'].map((f) => `attendee:${s.key}:${f}`)),
    ];
    const key = attempt.keyFor(request.body);
    setSubmitting(true);
    try {
      const order = await authed((client) => client.orders.place(request.body, key));
      attempt.settle();
      openPath(router, `/checkout/${order.id}`);
    } catch (error) {
      attempt.settle(error);
      refuse(toFormProblem(error, formFields, MESSAGES, (field) => selectorFieldOf(field, request)));
      // Fresh remaining counts from the server after someone else took the last tickets.
      if (error instanceof ApiError && error.code === 'sold_out') router.refresh();
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  const subtotal = selectionSubtotal(tiers, quantities, event.currency);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="ticket-selector" aria-labelledby="tickets-heading">
      <FormAlert message={problem.message} />
      <ul className="tier-list" aria-label="Ticket types">
        {tiers.map((tier) => {
          const sale = sales.get(tier.id)!;
          const note = saleNote(sale, event.timezone);
          const rule = perOrderRule(tier);
          const error = fields[`quantity:${tier.id}`];
          return (
            <li key={tier.id} className="tier" data-testid="ticket-tier">
              <div className="tier-head">
                <strong className="tier-name">{tier.name}</strong>
                <span className="tier-price">
                  {tier.price === 0 ? 'Free' : formatMoney(tier.price, event.currency)}
                </span>
              </div>
              {tier.description ? <p className="tier-description">{tier.description}</p> : null}
              <div className="tier-buy">
                {sale.state === 'on_sale' ? (
                  <QuantityStepper
                    tier={tier}
                    quantity={quantities[tier.id] ?? 0}
                    cap={tierCap(event, tier, quantities, now)}
                    error={error}
                    onChange={(q) => setQuantity(tier.id, q)}
                  />
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
        })}
      </ul>

      {anyOnSale ? (
        <>
          <label htmlFor="promo-code">Promo code (optional)</label>
          <input
            id="promo-code"
            name="promoCode"
            value={promoCode}
            onChange={(e) => {
              setPromoCode(e.target.value);
              clearField('promoCode');
            }}
            maxLength={40}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            {...fieldAria('promo-code', fields.promoCode, 'promo-code-hint')}
          />
          <FieldError id="promo-code-error" message={fields.promoCode} />
          <small id="promo-code-hint">The discount is shown in the order summary on the next step.</small>

          {seats.length > 0 ? (
            <AttendeeFields
              seats={seats}
              draftOf={draftOf}
              errors={fields}
              signedIn={Boolean(user)}
              onChange={(key, draft, field) => {
                setAttendees((current) => ({ ...current, [key]: draft }));
                clearField(`attendee:${key}:${field}`);
              }}
            />
          ) : null}

          <p className="selection-total" data-testid="selection-total">
            {count === 0
              ? 'No tickets chosen yet.'
              : `${count} ${count === 1 ? 'ticket' : 'tickets'} · ${formatMoney(subtotal, event.currency)}${
                  promoCode.trim() ? ' before the promo code' : ''
                }`}
          </p>
          <button
            type="submit"
            aria-busy={submitting || session.status === 'loading'}
            disabled={submitting || session.status === 'loading'}
          >
            Reserve tickets
          </button>
          <small>
            {user
              ? 'Your tickets are held for you while you pay on the next step.'
              : 'You will be asked to log in first.'}
          </small>
        </>
      ) : (
        <button type="button" disabled>
          {tiers.every((t) => sales.get(t.id)?.state === 'sold_out') ? 'Sold out' : 'Tickets are not on sale'}
        </button>
      )}
    </form>
  );
}
