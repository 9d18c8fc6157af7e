import type { TicketType } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { readNewTicketType, readTicketTypeChanges } from '../../features/event-editor/ticket-type-body';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const FILLED = {
  name: 'Standard',
  price: '119',
  limit: '100',
  minPerOrder: '1',
  maxPerOrder: '',
  description: '',
};

const tier: TicketType = {
  id: 't1',
  name: 'Standard',
  description: null,
  price: 119,
  limit: 100,
  remaining: 100,
  soldOut: false,
  salesStart: null,
  salesEnd: null,
  minPerOrder: 1,
  maxPerOrder: null,
  sortOrder: 0,
  taxRate: 0,
};

describe("a ticket type's tax rate", () => {
  it('is sent for a new tier only when it has one (0 is the default)', () => {
    expect(readNewTicketType(form({ ...FILLED, taxRate: '19' }))).toEqual({
      name: 'Standard',
      price: 119,
      limit: 100,
      minPerOrder: 1,
      taxRate: 19,
    });
    expect(readNewTicketType(form({ ...FILLED, taxRate: '' }))).not.toHaveProperty('taxRate');
    expect(readNewTicketType(form({ ...FILLED, taxRate: '0' }))).not.toHaveProperty('taxRate');
  });

  it('is patched when it changes, with two decimals kept', () => {
    expect(readTicketTypeChanges(form({ ...FILLED, taxRate: '7.25' }), tier)).toEqual({ taxRate: 7.25 });
    expect(readTicketTypeChanges(form({ ...FILLED, taxRate: '' }), { ...tier, taxRate: 19 })).toEqual({
      taxRate: 0,
    });
    expect(readTicketTypeChanges(form({ ...FILLED, taxRate: '0' }), tier)).toEqual({});
  });
});
