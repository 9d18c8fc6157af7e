import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRangeParams,
  dateRangeProblem,
  describeDateRange,
  parseDateRange,
  rangeQuery,
  todayIn,
  type DateRange,
} from '../../features/analytics/analytics-range';

const params = (query: string) => new URLSearchParams(query);
// 2026-12-10 05:30 UTC: already the 10th in Berlin, still the 9th in Los Angeles.
const NOW = Date.parse('2026-12-10T05:30:00Z');

describe('parseDateRange and dateRangeParams', () => {
  it('reads presets, chosen days, and falls back to all time', () => {
    expect(parseDateRange(params('range=7d'))).toEqual({ kind: 'preset', preset: '7d' });
    expect(parseDateRange(params('from=2026-12-01&to=2026-12-07'))).toEqual({
      kind: 'custom',
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(parseDateRange(params('to=2026-12-07&from=junk'))).toEqual({
      kind: 'custom',
      from: '',
      to: '2026-12-07',
    });
    expect(parseDateRange(params('range=1y'))).toEqual({ kind: 'preset', preset: 'all' });
    expect(parseDateRange(params(''))).toEqual({ kind: 'preset', preset: 'all' });
  });

  it('writes a range back so that it reads the same, dropping what does not apply', () => {
    const ranges: DateRange[] = [
      { kind: 'preset', preset: '30d' },
      { kind: 'custom', from: '2026-01-01', to: '' },
      { kind: 'preset', preset: 'all' },
    ];
    for (const range of ranges) {
      const written = dateRangeParams(range);
      const query = new URLSearchParams(
        Object.entries(written).filter((e): e is [string, string] => e[1] !== undefined),
      );
      expect(parseDateRange(query)).toEqual(range);
    }
    expect(dateRangeParams({ kind: 'preset', preset: 'all' })).toEqual({
      range: undefined,
      from: undefined,
      to: undefined,
    });
  });
});

describe('rangeQuery', () => {
  it('asks for nothing for all time', () => {
    expect(rangeQuery({ kind: 'preset', preset: 'all' }, 'Europe/Berlin', NOW)).toEqual({});
  });

  it('starts "last 7 days" at midnight six days before today, in the given zone, open-ended', () => {
    // Berlin: today is Dec 10 (UTC+1), so from Dec 4 00:00 CET = Dec 3 23:00 UTC.
    expect(rangeQuery({ kind: 'preset', preset: '7d' }, 'Europe/Berlin', NOW)).toEqual({
      from: '2026-12-03T23:00:00.000Z',
    });
    // Los Angeles: still Dec 9 (UTC−8), so from Dec 3 00:00 PST = Dec 3 08:00 UTC.
    expect(rangeQuery({ kind: 'preset', preset: '7d' }, 'America/Los_Angeles', NOW)).toEqual({
      from: '2026-12-03T08:00:00.000Z',
    });
  });

  it('runs chosen days from the first midnight to the midnight after the last day (to is exclusive)', () => {
    expect(rangeQuery({ kind: 'custom', from: '2026-12-01', to: '2026-12-07' }, 'Asia/Kolkata', NOW)).toEqual(
      { from: '2026-11-30T18:30:00.000Z', to: '2026-12-07T18:30:00.000Z' },
    );
    expect(rangeQuery({ kind: 'custom', from: '', to: '2026-12-31' }, 'UTC', NOW)).toEqual({
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('follows daylight-saving changes: a day in Berlin spanning the switch is 23 hours', () => {
    const q = rangeQuery({ kind: 'custom', from: '2026-03-29', to: '2026-03-29' }, 'Europe/Berlin', NOW);
    expect(q).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });
});

describe('date helpers', () => {
  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("knows today's date in a zone", () => {
    expect(todayIn('Pacific/Auckland', NOW)).toBe('2026-12-10');
    expect(todayIn('Pacific/Honolulu', NOW)).toBe('2026-12-09');
  });

  it('refuses an end before the start, and describes ranges in words', () => {
    expect(dateRangeProblem({ kind: 'custom', from: '2026-12-07', to: '2026-12-01' })).toMatch(/before/);
    expect(dateRangeProblem({ kind: 'custom', from: '2026-12-01', to: '2026-12-01' })).toBeNull();
    expect(describeDateRange({ kind: 'preset', preset: '30d' })).toBe('Last 30 days');
    expect(describeDateRange({ kind: 'custom', from: '2026-12-01', to: '2026-12-07' })).toBe(
      'Dec 1, 2026 – Dec 7, 2026',
    );
    expect(describeDateRange({ kind: 'custom', from: '2026-12-01', to: '' })).toBe('Since Dec 1, 2026');
  });
});
