/**
 * What a committed write changed that others must hear about. A use case reports here after its
 * transaction commits, never inside it; the API turns every report into live notices, cache
 * clears and an outbox wake-up in one place (`apps/api/src/after-commit.ts`).
 */
export interface AfterCommit {
  /** An event's availability, status or figures (sales, refunds, check-ins) changed. */
  eventChanged(eventId: string): void;
  /** New mail waits in the outbox. */
  mailQueued(): void;
  /** A refund is due for the provider now (a person retried it): the refund job should run soon. */
  refundQueued(): void;
}

/** For scripts and tests that run use cases with nobody listening. */
export const nobodyListening: AfterCommit = {
  eventChanged: () => undefined,
  mailQueued: () => undefined,
  refundQueued: () => undefined,
};
