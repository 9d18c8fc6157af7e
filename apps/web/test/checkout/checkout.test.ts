import {
  ApiError,
  type Event,
  type Order,
  type Problem,
  type Question,
  type Ticket,
  type TicketType,
} from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { countdownAnnouncement, formatCountdown, msToNextTick } from '../../features/checkout/countdown';
import {
  buildOrderRequest,
  clampQuantity,
  perOrderRule,
  quantityProblems,
  seatsOf,
  selectionSubtotal,
  stepDown,
  stepUp,
  tierCap,
  tierSale,
} from '../../features/events/ticket-selection';
import { selectorFieldOf } from '../../features/events/selector-fields';
import { dayBoundToIso } from '../../features/orders/order-dates';
import { effectiveStatus, refundableTickets } from '../../features/orders/order-status';
import { refundPolicyText } from '../../features/orders/refund-policy';
import { toFormProblem } from '../../lib/form-problem';
import { AttemptKey, isDefiniteAnswer, newIdempotencyKey } from '../../lib/idempotency-key';
import { sumMoney } from '../../lib/money';

function tier(overrides: Partial<TicketType> = {}): TicketType {
  return {
    id: 't1',
    name: 'Regular',
    description: null,
    price: 10,
    limit: 100,
    remaining: 100,
    soldOut: false,
    salesStart: null,
    salesEnd: null,
    minPerOrder: 1,
    maxPerOrder: null,
    sortOrder: 0,
    taxRate: 0,
    ...overrides,
  };
}

function event(ticketTypes: TicketType[], overrides: Partial<Event> = {}): Event {
  return {
    id: 'e1',
    organizerId: 'o1',
    name: 'Tech Conference',
    description: '',
    status: 'published',
    startsAt: '2030-06-14T07:00:00.000Z',
    endsAt: null,
    timezone: 'Europe/Berlin',
    currency: 'USD',
    capacity: null,
    remaining: ticketTypes.reduce((sum, t) => sum + t.remaining, 0),
    venue: null,
    salesStart: null,
    salesEnd: null,
    refundPolicy: { customerRefundsUntilHoursBefore: 48 },
    ticketChangePolicy: { holderChangesUntilHoursBefore: 0 },
    invoicing: 'off',
    pricesIncludeTax: true,
    imageUrl: null,
    ticketTypes,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    publishedAt: '2025-01-01T00:00:00.000Z',
    cancelledAt: null,
    ...overrides,
  };
}

const NOW = Date.parse('2030-01-01T12:00:00Z');

describe('countdown', () => {
  it('formats the time left as mm:ss, with hours only when needed, never negative', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(14 * 60_000 + 5_000)).toBe('14:05');
    // A part of a second still left shows as that whole second, so 00:00 means really over.
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(400)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
    expect(formatCountdown(62 * 60_000 + 3_000)).toBe('1:02:03');
  });

  it('announces whole minutes only, so the live region changes at most once a minute', () => {
    expect(countdownAnnouncement(15 * 60_000)).toBe('15 minutes left to complete your purchase.');
    expect(countdownAnnouncement(14 * 60_000 + 59_999)).toBe('14 minutes left to complete your purchase.');
    expect(countdownAnnouncement(14 * 60_000)).toBe('14 minutes left to complete your purchase.');
    expect(countdownAnnouncement(61_000)).toBe('1 minute left to complete your purchase.');
    expect(countdownAnnouncement(59_000)).toBe('Less than a minute left to complete your purchase.');
    expect(countdownAnnouncement(0)).toBe('');

    // Sampled every second from 4:59 down to 0:01, the text changes exactly at the four minute marks.
    const texts = Array.from({ length: 299 }, (_, s) => countdownAnnouncement(299_000 - s * 1000));
    const changes = texts.filter((t, i) => i > 0 && t !== texts[i - 1]).length;
    expect(changes).toBe(4);
    expect(new Set(texts).size).toBe(5);
  });

  it('ticks when the displayed second changes', () => {
    expect(msToNextTick(14_300)).toBe(300);
    expect(msToNextTick(14_000)).toBe(1000);
  });
});

describe('ticket selection', () => {
  it('knows which tiers are on sale and caps them by what is left and the per-order maximum', () => {
    const open = tier({ remaining: 3, maxPerOrder: 4 });
    expect(tierSale(event([open]), open, NOW)).toEqual({ state: 'on_sale', max: 3 });
    const sold = tier({ remaining: 0, soldOut: true });
    expect(tierSale(event([sold]), sold, NOW)).toEqual({ state: 'sold_out' });
    // Fewer left than one order must take: as good as sold out.
    const group = tier({ remaining: 3, minPerOrder: 4 });
    expect(tierSale(event([group]), group, NOW)).toEqual({ state: 'sold_out' });
    const later = tier({ salesStart: '2030-02-01T00:00:00Z' });
    expect(tierSale(event([later]), later, NOW)).toEqual({ state: 'not_yet', opens: '2030-02-01T00:00:00Z' });
    const over = tier({ salesEnd: '2029-12-31T00:00:00Z' });
    expect(tierSale(event([over]), over, NOW)).toEqual({ state: 'ended' });
    expect(tierSale(event([open], { salesEnd: '2029-12-31T00:00:00Z' }), open, NOW)).toEqual({
      state: 'ended',
    });
  });

  it("leaves a tier only what the event's shared capacity has after the other tiers", () => {
    const a = tier({ id: 'a', remaining: 10 });
    const b = tier({ id: 'b', remaining: 10 });
    const shared = event([a, b], { remaining: 12 });
    expect(tierCap(shared, a, { b: 5 }, NOW)).toBe(7);
    expect(tierCap(shared, a, { b: 12 }, NOW)).toBe(0);
    expect(tierCap(shared, a, {}, NOW)).toBe(10);
  });

  it('steps from none straight to the minimum per order, and back', () => {
    const group = tier({ minPerOrder: 2 });
    expect(stepUp(0, group, 10)).toBe(2);
    expect(stepUp(2, group, 10)).toBe(3);
    expect(stepUp(10, group, 10)).toBe(10);
    expect(stepUp(0, group, 1)).toBe(0);
    expect(stepDown(3, group)).toBe(2);
    expect(stepDown(2, group)).toBe(0);
    expect(stepDown(0, group)).toBe(0);
    expect(clampQuantity('7', 5)).toBe(5);
    expect(clampQuantity('-1', 5)).toBe(0);
    expect(clampQuantity('', 5)).toBe(0);
    expect(clampQuantity('2.7', 5)).toBe(2);
  });

  it('states per-order rules and flags quantities that break them', () => {
    expect(perOrderRule({ minPerOrder: 1, maxPerOrder: null })).toBe('');
    expect(perOrderRule({ minPerOrder: 1, maxPerOrder: 4 })).toBe('Up to 4 per order');
    expect(perOrderRule({ minPerOrder: 2, maxPerOrder: 6 })).toBe('2–6 per order');
    expect(perOrderRule({ minPerOrder: 2, maxPerOrder: null })).toBe('At least 2 per order');
    expect(perOrderRule({ minPerOrder: 4, maxPerOrder: 4 })).toBe('Exactly 4 per order');
    const group = tier({ id: 'g', minPerOrder: 3, maxPerOrder: 5 });
    expect(quantityProblems([group], { g: 1 })).toEqual({ g: 'Choose at least 3 or none.' });
    expect(quantityProblems([group], { g: 6 })).toEqual({ g: 'At most 5 per order.' });
    expect(quantityProblems([group], { g: 0 })).toEqual({});
  });

  it('adds the list price in minor units', () => {
    const a = tier({ id: 'a', price: 0.1 });
    const b = tier({ id: 'b', price: 0.2 });
    expect(selectionSubtotal([a, b], { a: 1, b: 1 }, 'USD')).toBe(0.3);
    expect(selectionSubtotal([a, b], { a: 3 }, 'USD')).toBe(0.3);
    expect(sumMoney([{ amount: 1500, quantity: 2 }], 'JPY')).toBe(3000);
    expect(sumMoney([{ amount: 19.99 }, { amount: 0.01 }], 'USD')).toBe(20);
  });

  it('builds the order with one attendee per ticket in item order, the buyer filling gaps', () => {
    const early = tier({ id: 'early', name: 'Early Bird' });
    const vip = tier({ id: 'vip', name: 'VIP' });
    const quantities = { vip: 1, early: 2 };
    expect(seatsOf([early, vip], quantities).map((s) => s.key)).toEqual(['early:1', 'early:2', 'vip:1']);
    const request = buildOrderRequest({
      eventId: 'e1',
      tiers: [early, vip],
      quantities,
      attendees: {
        'early:2': { name: ' Alex Guest ', email: '', ageRange: '25-34', country: 'DE' },
        'vip:1': { name: 'Sam', email: 'sam@example.com', ageRange: '', country: '' },
      },
      buyer: { name: 'Dana Buyer', email: 'dana@example.com' },
      promoCode: ' save10 ',
    });
    expect(request.body).toEqual({
      eventId: 'e1',
      items: [
        { ticketTypeId: 'early', quantity: 2 },
        { ticketTypeId: 'vip', quantity: 1 },
      ],
      promoCode: 'save10',
      attendees: [
        { name: 'Dana Buyer', email: 'dana@example.com' },
        { name: 'Alex Guest', email: 'dana@example.com', ageRange: '25-34', country: 'DE' },
        { name: 'Sam', email: 'sam@example.com' },
      ],
    });
    expect(request.itemTiers).toEqual(['early', 'vip']);
    expect(request.attendeeSeats).toEqual(['early:1', 'early:2', 'vip:1']);
  });

  it("names a guest's order's buyer, who also fills the attendees' gaps", () => {
    const standard = tier({ id: 'std', name: 'Standard' });
    const request = buildOrderRequest({
      eventId: 'e1',
      tiers: [standard],
      quantities: { std: 1 },
      attendees: {},
      buyer: { name: 'Gina Guest', email: 'gina@example.com' },
      asGuest: true,
      promoCode: '',
    });
    expect(request.body).toEqual({
      eventId: 'e1',
      items: [{ ticketTypeId: 'std', quantity: 1 }],
      attendees: [{ name: 'Gina Guest', email: 'gina@example.com' }],
      buyer: { name: 'Gina Guest', email: 'gina@example.com' },
    });
  });

  it("sends the answers to the questions that apply: the order's once, each seat's with its attendee", () => {
    const early = tier({ id: 'early', name: 'Early Bird' });
    const vip = tier({ id: 'vip', name: 'VIP' });
    const question = (overrides: Partial<Question>): Question => ({
      id: 'q',
      eventId: 'e1',
      label: 'Q',
      kind: 'text',
      scope: 'order',
      required: false,
      options: null,
      ticketTypeIds: null,
      helpText: null,
      showAtCheckin: false,
      position: 0,
      hidden: false,
      ...overrides,
    });
    const questions = [
      question({ id: 'consent', kind: 'checkbox', required: true }),
      question({ id: 'newsletter', kind: 'checkbox' }),
      question({ id: 'company', kind: 'text' }),
      question({ id: 'diet', kind: 'choice', scope: 'attendee', options: ['None', 'Vegan'] }),
      question({
        id: 'lounge',
        kind: 'multi',
        scope: 'attendee',
        options: ['Fri', 'Sat'],
        ticketTypeIds: ['vip'],
      }),
      question({ id: 'gone', kind: 'text', hidden: true }),
    ];
    const request = buildOrderRequest({
      eventId: 'e1',
      tiers: [early, vip],
      quantities: { early: 1, vip: 1 },
      attendees: {},
      buyer: { name: 'Dana Buyer', email: 'dana@example.com' },
      promoCode: '',
      questions,
      answers: {
        'order|consent': true,
        'order|company': '   ',
        'order|gone': 'old',
        'early:1|diet': 'Vegan',
        // A VIP-only question answered for an early-bird seat (changed tier) is not sent.
        'early:1|lounge': ['Fri'],
        'vip:1|diet': 'None',
        'vip:1|lounge': ['Sat', 'Fri'],
      },
    });
    // An optional unticked box is an answer (no); a required unticked one, a blank text and a
    // hidden question's draft are left out for the API to judge.
    expect(request.body.answers).toEqual([
      { questionId: 'consent', value: true },
      { questionId: 'newsletter', value: false },
    ]);
    expect(request.body.attendees!.map((a) => a.answers)).toEqual([
      [{ questionId: 'diet', value: 'Vegan' }],
      [
        { questionId: 'diet', value: 'None' },
        { questionId: 'lounge', value: ['Sat', 'Fri'] },
      ],
    ]);
    expect(selectorFieldOf('answers.consent', request)).toBe('answer:order|consent');
    expect(selectorFieldOf('attendees.1.answers.lounge', request)).toBe('answer:vip:1|lounge');
    expect(selectorFieldOf('attendees.7.answers.lounge', request)).toBeNull();
  });

  it("places the API's field errors on the selector's own fields", () => {
    const request = { itemTiers: ['early', 'vip'], attendeeSeats: ['early:1', 'vip:1'] };
    expect(selectorFieldOf('promoCode', request)).toBe('promoCode');
    expect(selectorFieldOf('items.1.quantity', request)).toBe('quantity:vip');
    expect(selectorFieldOf('/items/0/quantity', request)).toBe('quantity:early');
    expect(selectorFieldOf('attendees.1.email', request)).toBe('attendee:vip:1:email');
    expect(selectorFieldOf('attendees.5.email', request)).toBeNull();
    expect(selectorFieldOf('attendees', request)).toBeNull();
    expect(selectorFieldOf('/buyer/email', request)).toBe('buyer:email');
    expect(selectorFieldOf('buyer.name', request)).toBe('buyer:name');

    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'promo_invalid',
      detail: 'This promo code does not exist for this event',
      errors: [{ field: 'promoCode', message: 'This promo code does not exist for this event' }],
    });
    const fields = ['promoCode', 'quantity:early', 'quantity:vip'];
    expect(toFormProblem(error, fields, {}, (f) => selectorFieldOf(f, request))).toEqual({
      fields: { promoCode: 'This promo code does not exist for this event' },
      message: 'Please correct the highlighted fields.',
    });
  });
});

describe('idempotency keys', () => {
  const problem = (status: number, code: Problem['code']) =>
    new ApiError({ type: 'about:blank', title: 'x', status, code });

  it('makes v4 UUIDs', () => {
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('reuses a key only to retry the same request that got no answer', () => {
    let n = 0;
    const attempt = new AttemptKey(() => `key-${++n}`);
    const body = { eventId: 'e1', items: [{ ticketTypeId: 't', quantity: 1 }] };
    expect(attempt.keyFor(body)).toBe('key-1');
    attempt.settle(new TypeError('Failed to fetch'));
    expect(attempt.keyFor({ ...body })).toBe('key-1');
    attempt.settle(problem(503, 'http_error'));
    expect(attempt.keyFor(body)).toBe('key-1');
    attempt.settle(problem(409, 'idempotency_key_in_progress'));
    expect(attempt.keyFor(body)).toBe('key-1');
    // A definite answer (here: sold out) ends the attempt; trying again is a new one.
    attempt.settle(problem(409, 'sold_out'));
    expect(attempt.keyFor(body)).toBe('key-2');
    // A changed request never reuses a key, answered or not.
    attempt.settle(new TypeError('Failed to fetch'));
    expect(attempt.keyFor({ ...body, promoCode: 'SAVE10' })).toBe('key-3');
    attempt.settle();
    expect(attempt.keyFor({ ...body, promoCode: 'SAVE10' })).toBe('key-4');
  });

  it('tells definite answers from unknown outcomes', () => {
    expect(isDefiniteAnswer(problem(400, 'promo_invalid'))).toBe(true);
    expect(isDefiniteAnswer(problem(500, 'internal_error'))).toBe(false);
    expect(isDefiniteAnswer(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('orders', () => {
  const ticket = (id: string, status: Ticket['status']): Ticket => ({
    id,
    ticketTypeId: 't1',
    ticketTypeName: 'Regular',
    holderName: 'Dana',
    holderEmail: null,
    status,
    code: 'code',
    qrUrl: `/api/tickets/${id}/qr.png`,
    price: 10,
    checkedInAt: null,
  });

  it('shows a pending order past its hold as expired', () => {
    const order = { status: 'pending' as const, expiresAt: '2030-01-01T12:00:00Z' };
    expect(effectiveStatus(order, NOW - 1)).toBe('pending');
    expect(effectiveStatus(order, NOW)).toBe('expired');
    expect(effectiveStatus({ ...order, status: 'paid' }, NOW + 1)).toBe('paid');
  });

  it('offers tickets not yet void of a paid order for refunds; a buyer never one used at the door', () => {
    const tickets = [ticket('a', 'valid'), ticket('b', 'void'), ticket('c', 'used')];
    const order = { status: 'partially_refunded', tickets } as Pick<Order, 'status' | 'tickets'>;
    expect(refundableTickets(order, false).map((t) => t.id)).toEqual(['a', 'c']);
    expect(refundableTickets(order, true).map((t) => t.id)).toEqual(['a']);
    expect(refundableTickets({ ...order, status: 'pending' }, false)).toEqual([]);
  });

  it("explains the buyer's refund deadline", () => {
    expect(refundPolicyText('2030-01-02T12:00:00Z', NOW, 'UTC')).toMatch(
      /^You can refund tickets yourself until Wed, Jan 2, 2030, 12:00\sPM UTC\.$/,
    );
    expect(refundPolicyText('2029-12-31T12:00:00Z', NOW, 'UTC')).toMatch(/^Self-service refunds closed on/);
    expect(refundPolicyText(null, NOW)).toMatch(/does not offer self-service refunds/);
  });

  it('turns a day filter into the start or end of that day', () => {
    const start = dayBoundToIso('2030-06-14', 'start')!;
    const end = dayBoundToIso('2030-06-14', 'end')!;
    expect(Date.parse(end) - Date.parse(start)).toBe(86_400_000 - 1);
    expect(new Date(start).getHours()).toBe(0);
    expect(dayBoundToIso('', 'start')).toBeUndefined();
    expect(dayBoundToIso('14/06/2030', 'end')).toBeUndefined();
  });
});
