import type { CheckinSyncReport } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import {
  enqueueScan,
  newCheckIns,
  pendingCount,
  syncProblems,
  uploadsOf,
  withoutUploaded,
  type QueuedScan,
} from '../../features/door/scan-queue';

const scan = (eventId: string, n: number, minute = n): QueuedScan => ({
  eventId,
  code: `code-${eventId}-${n}`,
  scannedAt: `2025-06-14T19:${String(minute).padStart(2, '0')}:00.000Z`,
  nonce: `nonce-${eventId}-${n}`,
});

describe('the offline scan queue', () => {
  it('queues each scan once and counts them per event', () => {
    let queue = enqueueScan([], scan('a', 1));
    queue = enqueueScan(queue, scan('b', 1));
    queue = enqueueScan(queue, scan('a', 1)); // the same nonce again
    queue = enqueueScan(queue, scan('a', 2));
    expect(queue).toHaveLength(3);
    expect(pendingCount(queue, 'a')).toBe(2);
    expect(pendingCount(queue, 'b')).toBe(1);
    expect(pendingCount(queue)).toBe(3);
  });

  it('uploads one event per request, oldest scan first, at most the limit at a time', () => {
    const queue = [scan('a', 3), scan('b', 1), scan('a', 1), scan('a', 2)];
    const uploads = uploadsOf(queue, 2);
    expect(uploads.map((u) => [u.eventId, u.scans.map((s) => s.nonce)])).toEqual([
      ['a', ['nonce-a-1', 'nonce-a-2']],
      ['a', ['nonce-a-3']],
      ['b', ['nonce-b-1']],
    ]);
    // Only what the sync endpoint takes.
    expect(Object.keys(uploads[0]!.scans[0]!).sort()).toEqual(['code', 'nonce', 'scannedAt']);
  });

  it('drops exactly the uploaded scans, keeping ones queued meanwhile', () => {
    const queue = [scan('a', 1), scan('a', 2), scan('b', 1)];
    const [first] = uploadsOf(queue, 1);
    const later = enqueueScan(queue, scan('a', 3));
    expect(withoutUploaded(later, first!).map((s) => s.nonce)).toEqual([
      'nonce-a-2',
      'nonce-b-1',
      'nonce-a-3',
    ]);
  });
});

describe('reading an upload report', () => {
  const report: CheckinSyncReport = {
    results: [
      {
        code: 'c1',
        ticketId: 't1',
        result: 'valid',
        checkedInAt: '2025-06-14T19:01:00.000Z',
        conflict: false,
      },
      {
        code: 'c2',
        ticketId: 't2',
        result: 'already_used',
        checkedInAt: '2025-06-14T18:55:00.000Z',
        conflict: true,
      },
      // This earlier offline scan replaced a later check-in elsewhere: admitted twice all the same.
      {
        code: 'c3',
        ticketId: 't3',
        result: 'valid',
        checkedInAt: '2025-06-14T19:02:00.000Z',
        conflict: true,
      },
      { code: 'c4', ticketId: 't4', result: 'void', checkedInAt: null, conflict: false },
    ],
    accepted: 2,
    conflicts: 2,
  };

  it('lists every scan that was not simply admitted', () => {
    expect(syncProblems('e1', report)).toEqual([
      {
        eventId: 'e1',
        ticketId: 't2',
        result: 'already_used',
        checkedInAt: '2025-06-14T18:55:00.000Z',
        conflict: true,
      },
      {
        eventId: 'e1',
        ticketId: 't3',
        result: 'valid',
        checkedInAt: '2025-06-14T19:02:00.000Z',
        conflict: true,
      },
      { eventId: 'e1', ticketId: 't4', result: 'void', checkedInAt: null, conflict: false },
    ]);
  });

  it('counts only first admissions as new check-ins', () => {
    expect(newCheckIns(report)).toBe(1);
  });
});
