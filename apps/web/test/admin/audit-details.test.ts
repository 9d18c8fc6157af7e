import { describe, expect, it } from 'vitest';
import { detailLabel, detailLines, shortId } from '../../features/admin/audit-details';
import { splitPerson, targetHref } from '../../features/admin/audit-targets';

const EVENT_ID = '01a23b6b-516c-77e3-8aa7-a935ec8ff856';
const REFUND_ID = '01a23b6b-5229-7064-9d30-c020572fcb0f';

describe('audit entry details', () => {
  it('read as label and value: ids named where the API named them, sums in their currency', () => {
    const lines = detailLines(
      { eventId: EVENT_ID, seats: 2, total: 69800, currency: 'USD', promoCode: null, guest: false },
      { eventId: 'Nordic Developer Summit' },
    );
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Event: Nordic Developer Summit',
      'Seats: 2',
      'Total: $698.00',
      'Guest: no',
    ]);
  });

  it('shorten an id nobody named, keeping it whole for a tooltip', () => {
    const [line] = detailLines({ refundId: REFUND_ID });
    expect(line).toEqual({ key: 'refundId', label: 'Refund', value: '01a23b6b…', full: REFUND_ID });
    expect(shortId('door-1')).toBe('door-1');
  });

  it('show a change as from → to, code words as words, and leave an address as written', () => {
    expect(detailLines({ from: 'customer', to: 'organizer' }).map((l) => l.value)).toEqual([
      'customer → organizer',
    ]);
    expect(
      detailLines({ email: 'jo_ann@example.com', reason: 'wrong_password' }).map((l) => l.value),
    ).toEqual(['jo_ann@example.com', 'wrong password']);
    expect(detailLines({ fields: ['name', 'startsAt'] })[0]!.value).toBe('name, startsAt');
    expect(detailLines({ amount: 1000, currency: 'JPY' })[0]!.value).toBe('¥1,000');
  });

  it('label keys in words', () => {
    expect(detailLabel('supersededCheckInAt')).toBe('Earlier check-in replaced');
    expect(detailLabel('ticketTypeId')).toBe('Ticket type');
    expect(detailLabel('seats')).toBe('Seats');
  });
});

describe('audit targets', () => {
  it('link users to the user list by their address, orders and events to their pages', () => {
    expect(splitPerson('Ada Lovelace (ada@example.com)')).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    expect(targetHref({ type: 'user', id: 'u1', name: 'Ada Lovelace (ada@example.com)' })).toBe(
      '/admin/users?q=ada%40example.com',
    );
    expect(targetHref({ type: 'order', id: 'o1', name: 'K7QX-4R9M · Gala' })).toBe('/account/orders/o1');
    expect(targetHref({ type: 'event', id: 'e1', name: 'Gala' })).toBe('/organizer/events/e1');
    expect(targetHref({ type: 'ticket', id: 't1', name: 'Bo · Gala' })).toBeNull();
    expect(targetHref({ type: 'event', id: null, name: null })).toBeNull();
  });
});
