import { ApiError, type Event } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import {
  createEventBody,
  eventFormProblem,
  readEventDetails,
  updateEventBody,
} from '../../features/event-editor/event-form';
import { formatEventWhen, formatMoney, formatTaken } from '../../lib/event-format';
import { toFormProblem } from '../../lib/form-problem';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const EMPTY = {
  name: 'Tech Conference 2025',
  description: '',
  startsAt: '',
  endsAt: '',
  timezone: 'Europe/Berlin',
  currency: 'USD',
  capacity: '',
  'venue.name': '',
  'venue.address': '',
  'venue.city': '',
  'venue.country': '',
  'refundPolicy.customerRefundsUntilHoursBefore': '',
  'ticketChangePolicy.allowed': 'on',
  'ticketChangePolicy.holderChangesUntilHoursBefore': '',
  invoicing: 'off',
  pricesIncludeTax: 'on',
};

const event: Event = {
  id: 'e1',
  organizerId: 'o1',
  name: 'Tech Conference 2025',
  description: '',
  status: 'draft',
  startsAt: '2025-06-14T07:00:00.000Z',
  endsAt: null,
  timezone: 'Europe/Berlin',
  currency: 'USD',
  capacity: 500,
  remaining: 500,
  venue: { name: 'Hall', address: null, city: 'Berlin', country: 'DE' },
  salesStart: null,
  salesEnd: null,
  refundPolicy: { customerRefundsUntilHoursBefore: 48 },
  ticketChangePolicy: { holderChangesUntilHoursBefore: 0 },
  invoicing: 'off',
  pricesIncludeTax: true,
  imageUrl: null,
  ticketTypes: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  publishedAt: null,
  cancelledAt: null,
};

describe('event details form', () => {
  it('creates with only the fields filled in, times read in the chosen zone', () => {
    const body = createEventBody(
      readEventDetails(
        form({ ...EMPTY, startsAt: '2025-06-14T09:00', capacity: '500', 'venue.city': 'Berlin' }),
      ),
    );
    expect(body).toEqual({
      name: 'Tech Conference 2025',
      timezone: 'Europe/Berlin',
      currency: 'USD',
      startsAt: '2025-06-14T07:00:00.000Z',
      capacity: 500,
      venue: { city: 'Berlin' },
    });
  });

  it('patches only what changed', () => {
    const same = readEventDetails(
      form({
        ...EMPTY,
        startsAt: '2025-06-14T09:00',
        capacity: '500',
        'venue.name': 'Hall',
        'venue.city': 'Berlin',
        'venue.country': 'DE',
        'refundPolicy.customerRefundsUntilHoursBefore': '48',
      }),
    );
    expect(updateEventBody(event, same)).toEqual({});
    expect(updateEventBody(event, { ...same, name: 'Renamed', capacity: 600 })).toEqual({
      name: 'Renamed',
      capacity: 600,
    });
  });

  it('sends a cleared venue or refund policy as a whole null', () => {
    const cleared = readEventDetails(form({ ...EMPTY, startsAt: '2025-06-14T09:00', capacity: '500' }));
    expect(updateEventBody(event, cleared)).toEqual({ venue: null, refundPolicy: null });
  });

  it('creates with holder changes off, or open until some hours before the start', () => {
    const { 'ticketChangePolicy.allowed': _allowed, ...off } = EMPTY;
    expect(createEventBody(readEventDetails(form(off)))).toMatchObject({
      ticketChangePolicy: { holderChangesUntilHoursBefore: null },
    });
    expect(
      createEventBody(
        readEventDetails(form({ ...EMPTY, 'ticketChangePolicy.holderChangesUntilHoursBefore': '24' })),
      ),
    ).toMatchObject({ ticketChangePolicy: { holderChangesUntilHoursBefore: 24 } });
    // Until the start is the API's default: nothing to send.
    expect(createEventBody(readEventDetails(form(EMPTY)))).not.toHaveProperty('ticketChangePolicy');
  });

  it('patches the holder-change deadline when it changes, turned off as null hours', () => {
    const base = {
      ...EMPTY,
      startsAt: '2025-06-14T09:00',
      capacity: '500',
      'venue.name': 'Hall',
      'venue.city': 'Berlin',
      'venue.country': 'DE',
      'refundPolicy.customerRefundsUntilHoursBefore': '48',
    };
    // Checked with the hours left empty: until the start, as stored.
    expect(updateEventBody(event, readEventDetails(form(base)))).toEqual({});
    expect(
      updateEventBody(
        event,
        readEventDetails(form({ ...base, 'ticketChangePolicy.holderChangesUntilHoursBefore': '12' })),
      ),
    ).toEqual({ ticketChangePolicy: { holderChangesUntilHoursBefore: 12 } });
    const { 'ticketChangePolicy.allowed': _allowed, ...off } = base;
    // The hours field is disabled (not submitted) while changes are off; a stale value is ignored.
    expect(
      updateEventBody(
        event,
        readEventDetails(form({ ...off, 'ticketChangePolicy.holderChangesUntilHoursBefore': '12' })),
      ),
    ).toEqual({ ticketChangePolicy: { holderChangesUntilHoursBefore: null } });
    const closed = { ...event, ticketChangePolicy: { holderChangesUntilHoursBefore: null } };
    expect(updateEventBody(closed, readEventDetails(form(off)))).toEqual({});
  });

  it('creates with invoicing and tax-exclusive prices only when chosen (off and inclusive are the defaults)', () => {
    expect(createEventBody(readEventDetails(form(EMPTY)))).not.toHaveProperty('invoicing');
    expect(createEventBody(readEventDetails(form(EMPTY)))).not.toHaveProperty('pricesIncludeTax');
    const { pricesIncludeTax: _on, ...exclusive } = EMPTY;
    expect(createEventBody(readEventDetails(form({ ...exclusive, invoicing: 'required' })))).toMatchObject({
      invoicing: 'required',
      pricesIncludeTax: false,
    });
    // A tampered select is no reason to invoice.
    expect(readEventDetails(form({ ...EMPTY, invoicing: 'always' })).invoicing).toBe('off');
  });

  it('patches invoicing and whether prices include tax when they change', () => {
    const base = {
      ...EMPTY,
      startsAt: '2025-06-14T09:00',
      capacity: '500',
      'venue.name': 'Hall',
      'venue.city': 'Berlin',
      'venue.country': 'DE',
      'refundPolicy.customerRefundsUntilHoursBefore': '48',
    };
    expect(updateEventBody(event, readEventDetails(form({ ...base, invoicing: 'optional' })))).toEqual({
      invoicing: 'optional',
    });
    const { pricesIncludeTax: _on, ...exclusive } = base;
    expect(updateEventBody(event, readEventDetails(form(exclusive)))).toEqual({ pricesIncludeTax: false });
    const invoiced = { ...event, invoicing: 'required' as const, pricesIncludeTax: false };
    expect(
      updateEventBody(invoiced, readEventDetails(form({ ...exclusive, invoicing: 'required' }))),
    ).toEqual({});
  });

  it("puts the API's profile_required refusal on the invoicing select", () => {
    const detail = 'Fill in the business profile (legal name and address) before turning invoicing on';
    const refused = new ApiError({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'profile_required',
      detail,
    });
    expect(eventFormProblem(refused)).toEqual({
      fields: { invoicing: detail },
      message: 'Please correct the highlighted fields.',
    });
    const other = new ApiError({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'currency_locked',
    });
    expect(eventFormProblem(other, { currency_locked: 'Locked.' })).toEqual({
      fields: {},
      message: 'Locked.',
    });
  });

  it('keeps the wall clock when only the time zone changes', () => {
    const moved = readEventDetails(
      form({ ...EMPTY, timezone: 'America/New_York', startsAt: '2025-06-14T09:00', capacity: '500' }),
    );
    expect(updateEventBody(event, moved)).toMatchObject({
      timezone: 'America/New_York',
      startsAt: '2025-06-14T13:00:00.000Z',
    });
  });
});

describe('formatting', () => {
  it('shows times in the event zone with its abbreviation', () => {
    expect(
      formatEventWhen({
        startsAt: '2025-06-14T07:00:00Z',
        endsAt: '2025-06-14T15:30:00Z',
        timezone: 'Europe/Berlin',
      }),
    ).toMatch(/^Sat, Jun 14, 2025, 9:00\sAM\s–\s5:30\sPM CEST$/);
    expect(
      formatEventWhen({ startsAt: '2025-06-14T13:00:00Z', endsAt: null, timezone: 'America/New_York' }),
    ).toMatch(/9:00\sAM EDT$/);
    expect(formatEventWhen({ startsAt: null, endsAt: null, timezone: 'UTC' })).toBe('Date to be announced');
  });

  it('formats money in the event currency and sales at a glance', () => {
    expect(formatMoney(299, 'USD')).toBe('$299.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatTaken({ sold: 12, held: 3, capacity: 500 })).toBe('15 of 500 (3 held)');
    expect(formatTaken({ sold: 2, held: 0, capacity: null })).toBe('2 (no limit)');
  });
});

describe('toFormProblem', () => {
  it('places dotted field errors on the dotted field, and bare ones on their last segment', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'venue.country', message: 'must be an ISO 3166-1 alpha-2 code such as DE' },
        { field: 'body.name', message: 'must not be blank' },
      ],
    });
    const problem = toFormProblem(error, ['name', 'venue.name', 'venue.country']);
    expect(problem.fields).toEqual({
      'venue.country': 'must be an ISO 3166-1 alpha-2 code such as DE',
      name: 'must not be blank',
    });
  });
});
