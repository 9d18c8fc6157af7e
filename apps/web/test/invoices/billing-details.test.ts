import { ApiError, type TicketType } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { selectorFieldOf, selectorFields } from '../../features/events/selector-fields';
import { buildOrderRequest, seatsOf } from '../../features/events/ticket-selection';
import { toFormProblem } from '../../lib/form-problem';
import {
  billingBody,
  billingFieldOf,
  billingFor,
  EMPTY_BILLING,
  readBillingDraft,
  type BillingDraft,
} from '../../features/invoices/billing-details';

const draft: BillingDraft = {
  name: '  Gina Guest ',
  company: ' ',
  address: { line1: 'Hauptstr. 1 ', line2: '', postalCode: ' 10115', city: 'Berlin', country: 'de' },
  vatId: '',
};

describe('billing details at checkout', () => {
  it('are sent trimmed, with an empty company, second line and VAT id left out', () => {
    expect(billingBody(draft)).toEqual({
      name: 'Gina Guest',
      address: { line1: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    });
    expect(
      billingBody({
        ...draft,
        company: 'Acme GmbH',
        vatId: ' FR40303265045 ',
        address: { ...draft.address, line2: 'Hinterhaus' },
      }),
    ).toMatchObject({ company: 'Acme GmbH', vatId: 'FR40303265045', address: { line2: 'Hinterhaus' } });
  });

  it("go along by the event's setting: always when required, when ticked when optional, never when off", () => {
    expect(billingFor('off', draft)).toBeUndefined();
    expect(billingFor('optional', null)).toBeUndefined();
    expect(billingFor('optional', draft)).toEqual(billingBody(draft));
    // Required but nothing typed yet: sent empty, so the API names each missing field.
    expect(billingFor('required', null)).toEqual(billingBody(EMPTY_BILLING));
  });

  it('ride along with the order placed', () => {
    const tier = { id: 't1', name: 'Regular' } as TicketType;
    const { body } = buildOrderRequest({
      eventId: 'e1',
      tiers: [tier],
      quantities: { t1: 1 },
      attendees: {},
      buyer: { name: 'Gina', email: 'gina@example.com' },
      promoCode: '',
      billing: billingFor('required', draft),
    });
    expect(body.billing).toEqual(billingBody(draft));
    const without = buildOrderRequest({
      eventId: 'e1',
      tiers: [tier],
      quantities: { t1: 1 },
      attendees: {},
      buyer: { name: 'Gina', email: 'gina@example.com' },
      promoCode: '',
    });
    expect(without.body).not.toHaveProperty('billing');
  });

  it("have the API's field errors placed on their own fields", () => {
    const request = { itemTiers: [], attendeeSeats: [] };
    expect(selectorFieldOf('billing.address.postalCode', request)).toBe('billing:address.postalCode');
    expect(selectorFieldOf('/billing/vatId', request)).toBe('billing:vatId');
    expect(selectorFieldOf('body.billing.name', request)).toBe('billing:name');
    // "billing" itself (missing altogether) is the form's message, as is a path the form lacks.
    expect(selectorFieldOf('billing', request)).toBeNull();
    expect(billingFieldOf('billing.address.street')).toBeNull();
  });

  it("are flagged next to their fields when the API refuses them, with the order's other fields", () => {
    const tier = { id: 't1', name: 'Regular' } as TicketType;
    const seats = seatsOf([tier], { t1: 1 });
    const request = { itemTiers: ['t1'], attendeeSeats: seats.map((s) => s.key) };
    const refused = new ApiError({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'billing.vatId', message: 'is not a valid VAT id for FR' },
        { field: 'attendees.0.email', message: 'must be an e-mail address' },
      ],
    });
    const problem = toFormProblem(refused, selectorFields([tier], seats, []), {}, (field) =>
      selectorFieldOf(field, request),
    );
    expect(problem.fields).toEqual({
      'billing:vatId': 'is not a valid VAT id for FR',
      'attendee:t1:1:email': 'must be an e-mail address',
    });
  });

  it('come back from storage bounded, and not at all when nothing usable was kept', () => {
    expect(readBillingDraft(null)).toBeNull();
    expect(readBillingDraft(['x'])).toBeNull();
    expect(readBillingDraft({ name: 'x'.repeat(1000), address: { country: 'DE', city: 3 } })).toEqual({
      name: 'x'.repeat(300),
      company: '',
      address: { line1: '', line2: '', postalCode: '', city: '', country: 'DE' },
      vatId: '',
    });
  });
});
