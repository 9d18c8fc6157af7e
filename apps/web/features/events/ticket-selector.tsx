'use client';

import { ApiError, type Event, type Question } from '@eventhub/client';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { AttendeeFields } from './attendee-fields';
import { withAvailability } from './availability';
import type { GuestBuyer } from './cart-storage';
import { CheckoutChoice } from './checkout-choice';
import { orderQuestions, type AnswerDraft } from './checkout-questions';
import { QuestionList } from './question-list';
import {
  availableQuantities,
  buildOrderRequest,
  EMPTY_ATTENDEE,
  quantityProblems,
  seatsOf,
  selectionSubtotal,
  selectionTaxNote,
  tierCap,
  tierSale,
  ticketTotal,
  type AttendeeDraft,
} from './ticket-selection';
import { selectorFieldOf, selectorFields } from './selector-fields';
import { TierChoice } from './tier-choice';
import { useLiveAvailability } from './use-live-availability';
import { useSavedCart } from './use-saved-cart';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { billingField, billingFor, type BillingDraft } from '@/features/invoices/billing-details';
import { BillingDetailsFields } from '@/features/invoices/billing-details-fields';
import { keepOrderToken } from '@/features/orders/order-token';
import { useAuth } from '@/lib/auth-context';
import { formatMoney } from '@/lib/event-format';
import { NO_PROBLEM, toFormProblem, type FormProblem, type CodeMessages } from '@/lib/form-problem';
import { AttemptKey } from '@/lib/idempotency-key';
import { openPath } from '@/lib/open-path';
import { sessionStore } from '@/lib/session-store';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';

const MESSAGES: CodeMessages = {
  sold_out:
    'Not enough tickets are left for your selection. The counts above are updated; please choose again.',
};

/**
 * The public event page's ticket selector: how many of each tier, a promo code and who is coming.
 * Where the event invoices, billing details too. Reserving places a pending order (the API holds
 * the tickets) and opens its checkout. Signed-out
 * visitors log in first or continue as a guest; the selection is kept in this tab meanwhile.
 */
export function TicketSelector({
  event: rendered,
  questions,
  now,
}: {
  event: Event;
  /** The event's live checkout questions. */
  questions: readonly Question[];
  now: number;
}) {
  const { session, authed } = useAuth();
  // Rendered with the counts of page load; the live stream's replace them once it has spoken.
  const live = useLiveAvailability(rendered.id);
  const event = useMemo(() => withAvailability(rendered, live), [rendered, live]);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // One Idempotency-Key per reservation attempt, reused only to retry one that got no answer.
  const [attempt] = useState(() => new AttemptKey());
  const { cart, update: updateCart, forget: forgetCart } = useSavedCart(rendered.id);
  const { quantities: chosen, attendees, promoCode, answers } = cart;
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
  // A guest's details count only while signed out: logging in after all makes it the user's order.
  const guest: GuestBuyer | null = user ? null : cart.guest;
  const eventPath = `/events/${event.id}`;
  const askedOfOrder = orderQuestions(
    questions,
    seats.map((s) => s.tier.id),
  );

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
    updateCart((c) => ({ ...c, quantities: { ...c.quantities, [tierId]: quantity } }));
    clearField(`quantity:${tierId}`);
  }

  function setAnswer(key: string, value: AnswerDraft) {
    updateCart((c) => ({ ...c, answers: { ...c.answers, [key]: value } }));
    clearField(`answer:${key}`);
  }

  function setBilling(next: BillingDraft | null, field: string | null) {
    updateCart((c) => ({ ...c, billing: next }));
    if (field) clearField(billingField(field));
  }

  function setGuest(next: GuestBuyer | null) {
    updateCart((c) => ({ ...c, guest: next }));
    if (next && guest) {
      if (next.name !== guest.name) clearField('buyer:name');
      if (next.email !== guest.email) clearField('buyer:email');
    }
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const buyer = user ?? (guest ? { name: guest.name.trim(), email: guest.email.trim() } : null);
    if (!buyer) {
      router.push(`/login?next=${encodeURIComponent(eventPath)}`);
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
      buyer,
      asGuest: !user,
      promoCode,
      questions,
      answers,
      billing: billingFor(event.invoicing, cart.billing),
    });
    const formFields = selectorFields(tiers, seats, questions);
    const key = attempt.keyFor(request.body);
    setSubmitting(true);
    try {
      const order = await authed((client) => client.orders.place(request.body, key));
      attempt.settle();
      forgetCart();
      // A guest's only way back to the order: its token, returned this once (and e-mailed).
      if (!user && order.orderToken) keepOrderToken(sessionStore(), order.id, order.orderToken);
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
  const taxNote = selectionTaxNote(event, tiers, quantities);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="ticket-selector" aria-labelledby="tickets-heading">
      <FormAlert message={problem.message} />
      <ul className="tier-list" aria-label="Ticket types">
        {tiers.map((tier) => (
          <TierChoice
            key={tier.id}
            tier={tier}
            sale={sales.get(tier.id)!}
            event={event}
            quantity={quantities[tier.id] ?? 0}
            cap={tierCap(event, tier, quantities, now)}
            error={fields[`quantity:${tier.id}`]}
            onChange={(q) => setQuantity(tier.id, q)}
          />
        ))}
      </ul>

      {anyOnSale ? (
        <>
          <label htmlFor="promo-code">Promo code (optional)</label>
          <input
            id="promo-code"
            name="promoCode"
            value={promoCode}
            onChange={(e) => {
              const code = e.target.value;
              updateCart((c) => ({ ...c, promoCode: code }));
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
              signedIn={Boolean(user || guest)}
              onChange={(key, draft, field) => {
                updateCart((c) => ({ ...c, attendees: { ...c.attendees, [key]: draft } }));
                clearField(`attendee:${key}:${field}`);
              }}
              questions={questions}
              answers={answers}
              onAnswer={setAnswer}
            />
          ) : null}

          {askedOfOrder.length > 0 ? (
            <fieldset className="order-questions" data-testid="order-questions">
              <legend>About your order</legend>
              <QuestionList
                questions={askedOfOrder}
                owner="order"
                idPrefix="order"
                drafts={answers}
                errors={fields}
                onAnswer={setAnswer}
              />
            </fieldset>
          ) : null}

          {event.invoicing === 'off' ? null : (
            <BillingDetailsFields
              invoicing={event.invoicing}
              draft={cart.billing}
              onChange={setBilling}
              errors={fields}
            />
          )}

          <p className="selection-total" data-testid="selection-total">
            {count === 0
              ? 'No tickets chosen yet.'
              : `${count} ${count === 1 ? 'ticket' : 'tickets'} · ${formatMoney(subtotal, event.currency)}${taxNote}${
                  promoCode.trim() ? ' before the promo code' : ''
                }`}
          </p>
          <CheckoutChoice
            signedIn={Boolean(user)}
            guest={guest}
            onGuest={setGuest}
            errors={fields}
            busy={submitting || session.status === 'loading'}
            signupHref={`/signup?${new URLSearchParams({ next: eventPath })}`}
          />
        </>
      ) : (
        <button type="button" disabled>
          {tiers.every((t) => sales.get(t.id)?.state === 'sold_out') ? 'Sold out' : 'Tickets are not on sale'}
        </button>
      )}
    </form>
  );
}
