import type { AfterCommit } from '@eventhub/core';

/**
 * The one place where what use cases report after commit reaches its listeners. Use cases hold
 * this relay from the start (it lives in the AppContext); `buildApp` connects it once the live
 * streams, the public cache and the background worker exist. Until then reports go nowhere,
 * which is right: nothing listens yet.
 */
export class AfterCommitRelay implements AfterCommit {
  private target: AfterCommit | null = null;

  connect(target: AfterCommit): void {
    this.target = target;
  }

  eventChanged(eventId: string): void {
    this.target?.eventChanged(eventId);
  }

  mailQueued(): void {
    this.target?.mailQueued();
  }

  refundQueued(): void {
    this.target?.refundQueued();
  }
}
