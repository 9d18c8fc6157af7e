import type { CheckinSyncReport, OfflineScan, ScanResult } from '@eventhub/client';

/**
 * Scans admitted while offline, waiting to be uploaded. Only admissions are queued: a refused
 * scan let nobody in, and the server would count a repeat scan refused on this device as a
 * second admission (a conflict) that never happened.
 */
export interface QueuedScan {
  eventId: string;
  code: string;
  /** ISO 8601; the server applies uploads in this order, so the first scan wins. */
  scannedAt: string;
  /** The scan's nonce: uploading it twice (or after an unanswered online try) changes nothing. */
  nonce: string;
}

/** The sync endpoint's limit per request. */
export const MAX_SCANS_PER_UPLOAD = 500;

export function enqueueScan(queue: readonly QueuedScan[], scan: QueuedScan): QueuedScan[] {
  if (queue.some((queued) => queued.nonce === scan.nonce)) return [...queue];
  return [...queue, scan];
}

export function pendingCount(queue: readonly QueuedScan[], eventId?: string): number {
  return eventId === undefined ? queue.length : queue.filter((scan) => scan.eventId === eventId).length;
}

export interface Upload {
  eventId: string;
  scans: OfflineScan[];
}

/** The requests that upload the queue: one event each, at most `max` scans, oldest first. */
export function uploadsOf(queue: readonly QueuedScan[], max = MAX_SCANS_PER_UPLOAD): Upload[] {
  const byEvent = new Map<string, QueuedScan[]>();
  for (const scan of queue) {
    const scans = byEvent.get(scan.eventId) ?? [];
    scans.push(scan);
    byEvent.set(scan.eventId, scans);
  }
  const uploads: Upload[] = [];
  for (const [eventId, scans] of byEvent) {
    const ordered = scans.slice().sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    for (let start = 0; start < ordered.length; start += max) {
      uploads.push({
        eventId,
        scans: ordered
          .slice(start, start + max)
          .map(({ code, scannedAt, nonce }) => ({ code, scannedAt, nonce })),
      });
    }
  }
  return uploads;
}

/** The queue once the server has answered for `upload` (whatever it answered per scan). */
export function withoutUploaded(queue: readonly QueuedScan[], upload: Upload): QueuedScan[] {
  const done = new Set(upload.scans.map((scan) => scan.nonce));
  return queue.filter((scan) => scan.eventId !== upload.eventId || !done.has(scan.nonce));
}

/** An offline admission the server disagreed with. */
export interface SyncProblem {
  eventId: string;
  ticketId: string | null;
  result: ScanResult;
  /** The ticket's recorded first check-in. */
  checkedInAt: string | null;
  /** The ticket got in twice: here offline, and elsewhere. */
  conflict: boolean;
}

/** What needs a person's attention in an upload's report: every scan that was not simply valid. */
export function syncProblems(eventId: string, report: CheckinSyncReport): SyncProblem[] {
  return report.results
    .filter((r) => r.conflict || r.result !== 'valid')
    .map((r) => ({
      eventId,
      ticketId: r.ticketId,
      result: r.result,
      checkedInAt: r.checkedInAt,
      conflict: r.conflict,
    }));
}

/** How many uploaded scans count as new check-ins: admitted, and not in place of an earlier one. */
export function newCheckIns(report: CheckinSyncReport): number {
  return report.results.filter((r) => r.result === 'valid' && !r.conflict).length;
}
