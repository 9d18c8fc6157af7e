import type { OrderAnswer } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { orderAnswerGroups, ticketAnswers } from '../../features/orders/answer-groups';
import { holderChangeOpen, holderChangeText } from '../../features/orders/holder-change-policy';

function answer(overrides: Partial<OrderAnswer>): OrderAnswer {
  return {
    questionId: 'q',
    label: 'Dietary needs',
    kind: 'choice',
    scope: 'attendee',
    seat: 0,
    ticketId: null,
    value: 'Vegan',
    ...overrides,
  };
}

describe('order answers', () => {
  const company = answer({
    questionId: 'company',
    label: 'Company',
    kind: 'text',
    scope: 'order',
    seat: null,
  });
  const first = answer({ seat: 0, ticketId: 't1' });
  const second = answer({ seat: 1, ticketId: 't2', value: 'None' });

  it('puts attendee answers on their ticket card, order answers apart', () => {
    expect(ticketAnswers([company, first, second], 't2')).toEqual([second]);
    expect(orderAnswerGroups([company, first, second], new Set(['t1', 't2']))).toEqual({
      order: [company],
      seats: [],
    });
  });

  it('groups attendee answers by seat while the order has no tickets', () => {
    const unpaid = [company, answer({ seat: 1, value: 'None' }), answer({ seat: 0 })];
    expect(orderAnswerGroups(unpaid, new Set())).toEqual({
      order: [company],
      seats: [
        { seat: 0, answers: [unpaid[2]] },
        { seat: 1, answers: [unpaid[1]] },
      ],
    });
  });
});

describe('holder changes', () => {
  const now = Date.parse('2025-06-10T12:00:00Z');

  it('offers the change until the deadline, in the event zone', () => {
    const open = { allowed: true, until: '2025-06-14T07:00:00.000Z' };
    expect(holderChangeOpen(open, now)).toBe(true);
    expect(holderChangeText(open, now, 'Europe/Berlin')).toMatch(
      /^Holder changes until Sat, Jun 14, 2025, 9:00\sAM CEST\.$/,
    );
  });

  it('closes past the deadline or when the organizer turned changes off', () => {
    const past = { allowed: true, until: '2025-06-01T07:00:00.000Z' };
    expect(holderChangeOpen(past, now)).toBe(false);
    expect(holderChangeText(past, now, 'UTC')).toMatch(/^Holder changes closed on Sun, Jun 1, 2025/);
    const off = { allowed: false, until: null };
    expect(holderChangeOpen(off, now)).toBe(false);
    expect(holderChangeText(off, now)).toBe('The organizer does not allow changing the holder of a ticket.');
    // An event without a start date has no deadline yet.
    expect(holderChangeOpen({ allowed: true, until: null }, now)).toBe(true);
  });
});
