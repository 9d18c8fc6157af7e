import { describe, expect, it } from 'vitest';
import { isoToZonedInput, zonedInputToIso } from '../lib/zoned-time';

describe('zonedInputToIso', () => {
  it.each([
    ['2025-06-14T09:00', 'Europe/Berlin', '2025-06-14T07:00:00.000Z'],
    ['2025-01-14T09:00', 'Europe/Berlin', '2025-01-14T08:00:00.000Z'],
    ['2025-06-14T09:00', 'America/New_York', '2025-06-14T13:00:00.000Z'],
    ['2025-06-14T09:00', 'Asia/Kolkata', '2025-06-14T03:30:00.000Z'],
    ['2025-12-31T23:59', 'Pacific/Kiritimati', '2025-12-31T09:59:00.000Z'],
    ['2025-06-14T09:00', 'UTC', '2025-06-14T09:00:00.000Z'],
  ])('reads %s in %s as %s', (wall, zone, iso) => {
    expect(zonedInputToIso(wall, zone)).toBe(iso);
    expect(isoToZonedInput(iso, zone)).toBe(wall);
  });

  it('moves a time skipped by the spring-forward jump ahead by the jump', () => {
    // 02:30 does not exist in Berlin on 30 March 2025; 03:30 CEST does.
    expect(zonedInputToIso('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    expect(zonedInputToIso('2025-03-09T02:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the later of two readings when clocks fall back', () => {
    // 02:30 happens twice in Berlin on 26 October 2025: 00:30Z (CEST) and 01:30Z (CET).
    expect(zonedInputToIso('2025-10-26T02:30', 'Europe/Berlin')).toBe('2025-10-26T01:30:00.000Z');
  });

  it('gives undefined or "" for empty or unreadable input', () => {
    expect(zonedInputToIso('', 'UTC')).toBeUndefined();
    expect(zonedInputToIso('tomorrow', 'UTC')).toBeUndefined();
    expect(zonedInputToIso('2025-06-14T09:00', 'Not/AZone')).toBeUndefined();
    expect(isoToZonedInput(null, 'UTC')).toBe('');
    expect(isoToZonedInput('2025-06-14T09:00:00Z', 'Not/AZone')).toBe('');
  });
});
