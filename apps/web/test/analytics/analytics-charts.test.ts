import { describe, expect, it } from 'vitest';
import {
  busiestBucket,
  capacitySegments,
  pivotCurrencySales,
  questionChartRows,
  salesTotals,
  topRows,
} from '../../features/analytics/analytics-charts';
import {
  bucketLabel,
  bucketTick,
  demographicLabel,
  formatPercent,
} from '../../features/analytics/analytics-format';

describe('pivotCurrencySales', () => {
  it('keeps each currency apart and fills quiet days with zeros', () => {
    const { currencies, rows } = pivotCurrencySales(
      [
        { date: '2026-12-01', currency: 'EUR', orders: 1, revenue: 10.1 },
        { date: '2026-12-01', currency: 'USD', orders: 2, revenue: 100 },
        { date: '2026-12-03', currency: 'EUR', orders: 1, revenue: 0.2 },
      ],
      'day',
    );
    expect(currencies).toEqual(['USD', 'EUR']);
    expect(rows).toEqual([
      { date: '2026-12-01', orders: { USD: 2, EUR: 1 }, revenue: { USD: 100, EUR: 10.1 } },
      { date: '2026-12-02', orders: { USD: 0, EUR: 0 }, revenue: { USD: 0, EUR: 0 } },
      { date: '2026-12-03', orders: { USD: 0, EUR: 1 }, revenue: { USD: 0, EUR: 0.2 } },
    ]);
  });

  it('steps hours across midnight, and sums money exactly', () => {
    const { rows } = pivotCurrencySales(
      [
        { date: '2026-12-01T23:00', currency: 'USD', orders: 1, revenue: 0.1 },
        { date: '2026-12-01T23:00', currency: 'USD', orders: 1, revenue: 0.2 },
        { date: '2026-12-02T01:00', currency: 'USD', orders: 1, revenue: 5 },
      ],
      'hour',
    );
    expect(rows.map((r) => r.date)).toEqual(['2026-12-01T23:00', '2026-12-02T00:00', '2026-12-02T01:00']);
    expect(rows[0]!.revenue.USD).toBe(0.3);
  });

  it('lists only the buckets with sales when filling would make an unreadable chart', () => {
    const { rows } = pivotCurrencySales(
      [
        { date: '2020-01-01', currency: 'USD', orders: 1, revenue: 1 },
        { date: '2026-01-01', currency: 'USD', orders: 1, revenue: 1 },
      ],
      'day',
    );
    expect(rows.map((r) => r.date)).toEqual(['2020-01-01', '2026-01-01']);
  });

  it('is empty without sales', () => {
    expect(pivotCurrencySales([], 'day')).toEqual({ currencies: [], rows: [] });
  });
});

describe('sales summaries', () => {
  const points = [
    { date: '2026-12-01', tickets: 2, revenue: 0.1 },
    { date: '2026-12-02', tickets: 5, revenue: 0.2 },
    { date: '2026-12-03', tickets: 5, revenue: 10 },
  ];

  it('totals tickets and revenue exactly and names the busiest (earliest) bucket', () => {
    expect(salesTotals(points, 'USD')).toEqual({ tickets: 12, revenue: 10.3 });
    expect(busiestBucket(points)?.date).toBe('2026-12-02');
    expect(busiestBucket([{ date: '2026-12-01', tickets: 0, revenue: 0 }])).toBeNull();
  });
});

describe('capacitySegments', () => {
  it('splits the capacity into sold, held and remaining shares', () => {
    const parts = capacitySegments({ total: 200, sold: 50, held: 10, remaining: 140 });
    expect(parts.map((p) => [p.key, p.value, p.share])).toEqual([
      ['sold', 50, 0.25],
      ['held', 10, 0.05],
      ['remaining', 140, 0.7],
    ]);
  });

  it('never overflows the bar, and copes with no capacity at all', () => {
    const over = capacitySegments({ total: 10, sold: 12, held: 0, remaining: 0 });
    expect(over[0]!.share).toBe(1);
    expect(capacitySegments({ total: 0, sold: 0, held: 0, remaining: 0 }).every((p) => p.share === 0)).toBe(
      true,
    );
  });
});

describe('topRows', () => {
  it('keeps the largest rows and sums the rest', () => {
    const result = topRows([{ n: 1 }, { n: 9 }, { n: 4 }, { n: 6 }], (r) => r.n, 2);
    expect(result.rows).toEqual([{ n: 9 }, { n: 6 }]);
    expect(result.rest).toEqual({ count: 2, value: 5 });
    expect(topRows([{ n: 1 }], (r) => r.n, 2).rest).toBeNull();
  });
});

describe('labels', () => {
  it("reads the API's buckets as wall-clock times, never shifting them", () => {
    expect(bucketLabel('2026-12-01', 'day')).toBe('Dec 1');
    expect(bucketLabel('2026-12-01', 'day', true)).toBe('Dec 1, 2026');
    expect(bucketLabel('2026-12-01T14:00', 'hour')).toBe('Dec 1, 14:00');
    expect(bucketTick('2026-12-01T14:00', 'hour')).toBe('14:00');
  });

  it('names demographic buckets, including the privacy fold', () => {
    expect(demographicLabel('ageRange', '25-34')).toBe('25–34');
    expect(demographicLabel('ageRange', 'other')).toBe('Other');
    expect(demographicLabel('country', 'DE')).toBe('Germany');
    expect(demographicLabel('country', 'unspecified')).toBe('Not given');
    expect(formatPercent(0.256)).toBe('25.6%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });
});

describe('questionChartRows', () => {
  it("keeps the organizer's options in order, zeros included, and names checkbox answers", () => {
    expect(
      questionChartRows({
        label: 'Diet',
        kind: 'choice',
        answered: 3,
        options: [
          { value: 'Vegan', count: 2 },
          { value: 'None', count: 0 },
          { value: 'Halal', count: 1 },
        ],
      })?.map((r) => [r.label, r.value]),
    ).toEqual([
      ['Vegan', 2],
      ['None', 0],
      ['Halal', 1],
    ]);
    expect(
      questionChartRows({
        label: 'Photos OK',
        kind: 'checkbox',
        answered: 5,
        options: [
          { value: 'yes', count: 4 },
          { value: 'no', count: 1 },
        ],
      })?.map((r) => r.label),
    ).toEqual(['Yes', 'No']);
  });

  it('names countries and sums the long tail; free-form kinds have no bars', () => {
    const codes = ['DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT', 'CH', 'PL', 'SE', 'NO', 'DK'];
    const rows = questionChartRows({
      label: 'Country',
      kind: 'country',
      answered: 78,
      options: codes.map((value, i) => ({ value, count: 12 - i })),
    });
    expect(rows).toHaveLength(11);
    expect(rows?.[0]).toEqual({ key: 'DE', label: 'Germany', value: 12 });
    expect(rows?.[10]).toEqual({ key: 'other', label: 'Other (2 countries)', value: 3 });
    expect(questionChartRows({ label: 'Company', kind: 'text', answered: 7, options: [] })).toBeNull();
  });
});
