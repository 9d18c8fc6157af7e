import { describe, expect, it } from 'vitest';
import { formatPlacedAt } from '../../features/orders/order-dates';
import {
  emptyRefundsText,
  parseRefundFilter,
  refundRow,
  refundStatusQuery,
  refundStatusView,
} from '../../features/refunds/refund-list';
import { json, recordingApi, refundEntry } from './fixtures';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');

describe('the refunds table rows', () => {
  it('shows event, order, buyer, money, attempts, the last error and since when', () => {
    const row = refundRow(refundEntry(), NOW);
    expect(row).toMatchObject({
      eventName: 'Jazz Night',
      eventHref: '/organizer/events/evt_1/orders',
      reference: 'K7QX-4R9M',
      orderHref: '/account/orders/ord_1',
      buyerName: 'Ada Lovelace',
      buyerEmail: 'ada@example.com',
      amount: '€59.50',
      attempts: 3,
      lastError: 'card_declined: the card was closed',
      createdAt: '2026-12-01T09:30:00.000Z',
      since: formatPlacedAt('2026-12-01T09:30:00.000Z'),
    });
  });

  it('formats the amount in its own currency, as the rest of the app does', () => {
    expect(refundRow(refundEntry({ amount: 1500, currency: 'JPY' }), NOW).amount).toBe('¥1,500');
    expect(refundRow(refundEntry({ amount: 299, currency: 'USD' }), NOW).amount).toBe('$299.00');
  });

  it('offers "Retry now" only on a refund whose automatic retries ran out', () => {
    expect(refundRow(refundEntry({ status: 'failed' }), NOW).retryable).toBe(true);
    expect(
      refundRow(refundEntry({ status: 'pending', nextAttemptAt: '2026-12-02T12:05:00.000Z' }), NOW).retryable,
    ).toBe(false);
    expect(refundRow(refundEntry({ status: 'succeeded', lastError: null }), NOW).retryable).toBe(false);
  });
});

describe('a refund status in words', () => {
  it('a failed refund needs a person', () => {
    expect(refundStatusView({ status: 'failed', nextAttemptAt: null }, NOW)).toEqual({
      label: 'Needs a retry',
      detail: 'automatic retries ran out',
      tone: 'failed',
    });
  });

  it('a pending refund is retried automatically, and says when next', () => {
    const next = '2026-12-02T12:05:00.000Z';
    expect(refundStatusView({ status: 'pending', nextAttemptAt: next }, NOW)).toEqual({
      label: 'Retrying automatically',
      detail: `next try at ${formatPlacedAt(next)}`,
      tone: 'pending',
    });
  });

  it('a pending refund whose try is due says so instead of a time in the past', () => {
    const due = refundStatusView({ status: 'pending', nextAttemptAt: '2026-12-02T11:59:00.000Z' }, NOW);
    expect(due.detail).toBe('next try any moment');
    expect(refundStatusView({ status: 'pending', nextAttemptAt: null }, NOW).detail).toBe(
      'next try any moment',
    );
  });

  it('a succeeded refund is paid back', () => {
    expect(refundStatusView({ status: 'succeeded', nextAttemptAt: null }, NOW).label).toBe('Paid back');
  });
});

describe('the status filter', () => {
  it('defaults to every owed refund, and reads the others from the URL', () => {
    expect(parseRefundFilter(null)).toBeUndefined();
    expect(parseRefundFilter('owed')).toBeUndefined();
    expect(parseRefundFilter('nonsense')).toBeUndefined();
    expect(parseRefundFilter('failed')).toBe('failed');
    expect(refundStatusQuery(undefined)).toBe('owed');
    expect(refundStatusQuery('failed')).toBe('failed');
  });

  it('asks the scope’s own list route with the chosen status', async () => {
    const page = { items: [refundEntry()], page: 2, pageSize: 20, total: 21 };
    const { api, requests } = recordingApi(() => json(page));
    await expect(
      api.admin.refunds.list({ status: refundStatusQuery(undefined), eventId: 'evt_1', page: 2 }),
    ).resolves.toEqual(page);
    await api.organizer.refunds.list({ status: refundStatusQuery('failed') });
    expect(requests).toEqual([
      'GET /api/admin/refunds?status=owed&eventId=evt_1&page=2',
      'GET /api/organizer/refunds?status=failed',
    ]);
  });

  it('an empty list of owed refunds says every refund has been paid back', () => {
    expect(emptyRefundsText(undefined)).toBe('No refunds owed — every refund has been paid back.');
    expect(emptyRefundsText('failed')).toBe('No refunds need a retry.');
  });
});
