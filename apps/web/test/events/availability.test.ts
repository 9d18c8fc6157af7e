import type { Event, TicketType } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { parseAvailability, remainingNote, withAvailability } from '../../features/events/availability';
import { availableQuantities, tierSale } from '../../features/events/ticket-selection';

function tier(id: string, remaining: number, extra: Partial<TicketType> = {}): TicketType {
  return {
    id,
    name: id,
    price: 10,
    limit: 100,
    remaining,
    soldOut: remaining === 0,
    description: '',
    salesStart: null,
    salesEnd: null,
    minPerOrder: 1,
    maxPerOrder: null,
    ...extra,
  } as TicketType;
}

const event = {
  remaining: 30,
  salesStart: null,
  salesEnd: null,
  ticketTypes: [tier('std', 20), tier('vip', 10)],
} as unknown as Event;

describe('withAvailability', () => {
  it('replaces the rendered counts with the live ones', () => {
    const live = withAvailability(event, {
      remaining: 12,
      ticketTypes: [
        { id: 'std', name: 'std', remaining: 12, soldOut: false },
        { id: 'vip', name: 'vip', remaining: 0, soldOut: true },
        { id: 'new', name: 'new', remaining: 5, soldOut: false },
      ],
    });
    expect(live.remaining).toBe(12);
    expect(live.ticketTypes.map((t) => [t.id, t.remaining, t.soldOut])).toEqual([
      ['std', 12, false],
      ['vip', 0, true],
    ]);
    expect(tierSale(live, live.ticketTypes[1]!, Date.now()).state).toBe('sold_out');
  });

  it('keeps the event as rendered until the stream has spoken', () => {
    expect(withAvailability(event, null)).toBe(event);
  });
});

describe('availableQuantities', () => {
  it('drops what sold out meanwhile and trims to what is left', () => {
    const sales = new Map([
      ['std', { state: 'on_sale' as const, max: 3 }],
      ['vip', { state: 'sold_out' as const }],
    ]);
    expect(availableQuantities({ std: 5, vip: 2 }, sales)).toEqual({ std: 3, vip: 0 });
  });
});

describe('remainingNote and parseAvailability', () => {
  it('says how many are left', () => {
    expect(remainingNote({ remaining: 12, soldOut: false })).toBe('12 left');
    expect(remainingNote({ remaining: 3, soldOut: false })).toBe('Only 3 left');
    expect(remainingNote({ remaining: 0, soldOut: true })).toBe('Sold out');
  });

  it('accepts the contract shape and refuses anything else', () => {
    expect(
      parseAvailability(
        '{"remaining":3,"ticketTypes":[{"id":"a","name":"A","remaining":3,"soldOut":false}]}',
      ),
    ).toEqual({ remaining: 3, ticketTypes: [{ id: 'a', name: 'A', remaining: 3, soldOut: false }] });
    expect(parseAvailability('not json')).toBeNull();
    expect(parseAvailability('{"remaining":"3","ticketTypes":[]}')).toBeNull();
    expect(parseAvailability('{"remaining":3,"ticketTypes":[{"id":1}]}')).toEqual({
      remaining: 3,
      ticketTypes: [],
    });
  });
});
