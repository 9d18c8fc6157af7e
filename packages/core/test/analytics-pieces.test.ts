import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, foldSmallBuckets } from '../src/index';
import { foldSales, granularityOf, localLabel } from '../src/analytics/sales-over-time';

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"|"$/g, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell('Ada Lovelace')).toBe('Ada Lovelace');
  });

  it('quotes commas, quotes, line breaks and edge spaces; numbers and empty cells stay plain', () => {
    expect(csvCell('Smith, Jane')).toBe('"Smith, Jane"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('demographic buckets', () => {
  it('folds every bucket under five into "other", listed last', () => {
    const counts = new Map([
      ['DE', 12],
      ['IS', 1],
      ['NZ', 4],
      ['US', 5],
    ]);
    expect(foldSmallBuckets(counts)).toEqual([
      { key: 'DE', count: 12 },
      { key: 'US', count: 5 },
      { key: 'other', count: 5 },
    ]);
    expect(foldSmallBuckets(new Map([['DE', 9]]))).toEqual([{ key: 'DE', count: 9 }]);
  });
});

describe('sales over time', () => {
  it("puts a sale on the event's local day, also in a +05:45 zone", () => {
    // 18:14 UTC is 23:59 in Kathmandu; 18:15 UTC is already the next day there.
    expect(localLabel(new Date('2026-03-01T18:14:00Z'), 'Asia/Kathmandu', 'day')).toBe('2026-03-01');
    expect(localLabel(new Date('2026-03-01T18:15:00Z'), 'Asia/Kathmandu', 'day')).toBe('2026-03-02');
    const points = foldSales(
      [
        { hour: '2026-03-01T18', quarter: 0, tickets: 2, revenue: 100 },
        { hour: '2026-03-01T18', quarter: 1, tickets: 3, revenue: 150 },
        { hour: '2026-03-04T02', quarter: 2, tickets: 1, revenue: 50 },
      ],
      'Asia/Kathmandu',
      'day',
      { from: null, to: null },
    );
    expect(points).toEqual([
      { date: '2026-03-01', tickets: 2, revenue: 100 },
      { date: '2026-03-02', tickets: 3, revenue: 150 },
      { date: '2026-03-03', tickets: 0, revenue: 0 },
      { date: '2026-03-04', tickets: 1, revenue: 50 },
    ]);
  });

  it('fills the whole requested range and goes hourly under two days, across a DST change', () => {
    const range = { from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T04:00:00.000Z' };
    expect(granularityOf(range, null, null)).toBe('hour');
    expect(granularityOf({ from: null, to: null }, '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z')).toBe(
      'day',
    );
    // Berlin springs forward at 01:00 UTC: local 02:00 never happens.
    const points = foldSales(
      [{ hour: '2026-03-29T01', quarter: 0, tickets: 1, revenue: 10 }],
      'Europe/Berlin',
      'hour',
      range,
    );
    expect(points.map((p) => p.date)).toEqual([
      '2026-03-29T01:00',
      '2026-03-29T02:00',
      '2026-03-29T03:00',
      '2026-03-29T04:00',
      '2026-03-29T05:00',
    ]);
    expect(points.find((p) => p.tickets === 1)!.date).toBe('2026-03-29T03:00');
  });
});
