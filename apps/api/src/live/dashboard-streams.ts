import { performance } from 'node:perf_hooks';
import { NotFoundError, type Actor, type Db, type EventOwners } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import type { CoalescingOptions } from './availability-streams';
import { LiveSignals } from './live-signals';
import { sseMessage, type SseStream } from './sse-stream';

/** What the hub decided, as it decides it (see LiveSignals). */
export type DashboardSignal =
  /** A change notice, to go out with the next flush. */
  | { kind: 'notice'; eventId: string }
  /**
   * A flush sent each of `eventIds` to the dashboards allowed to see it, `sent` messages in all.
   * `pending`: another flush is scheduled (notices came in meanwhile) or still running.
   */
  | { kind: 'flush'; eventIds: string[]; sent: number; pending: boolean };

interface Dashboard {
  stream: SseStream;
  actor: Actor;
}

/**
 * GET /api/analytics/live: tells organizers' dashboards which of their events changed (sales,
 * capacity, check-ins), and admins' about every event, as `change` events `{eventId}`; the
 * dashboard then reloads the figures it shows. Notices are collected and sent at most once per
 * interval, each event once however often it changed, so the door's scan rate never reaches the
 * dashboards. With no dashboard open, a notice costs one set lookup.
 */
export class DashboardStreams {
  private readonly dashboards = new Set<Dashboard>();
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Flushes still looking up owners (a slow lookup can outlast the interval). */
  private flushing = 0;
  private lastFlushAt = -Infinity;
  private closed = false;
  /** Every notice and flush as it happens; nothing in the API listens, tests do. */
  readonly signals = new LiveSignals<DashboardSignal>();

  constructor(
    private readonly deps: { db: Db; owners: EventOwners; log: FastifyBaseLogger },
    private readonly coalescing: CoalescingOptions = { firstDelayMs: 100, minIntervalMs: 400 },
  ) {}

  get size(): number {
    return this.dashboards.size;
  }

  add(stream: SseStream, actor: Actor): void {
    const dashboard = { stream, actor };
    this.dashboards.add(dashboard);
    stream.onClose(() => this.dashboards.delete(dashboard));
  }

  /** A change notice; null (changes may have been missed) has nothing to name, so it is not passed on. */
  notice(eventId: string | null): void {
    if (eventId === null || this.dashboards.size === 0 || this.closed) return;
    this.changed.add(eventId);
    this.signals.emit({ kind: 'notice', eventId });
    if (this.timer) return;
    const sinceLast = performance.now() - this.lastFlushAt;
    const wait = Math.max(this.coalescing.firstDelayMs, this.coalescing.minIntervalMs - sinceLast);
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
  }

  private async flush(): Promise<void> {
    this.timer = null;
    this.lastFlushAt = performance.now();
    const eventIds = [...this.changed];
    this.changed.clear();
    let sent = 0;
    this.flushing++;
    for (const eventId of eventIds) {
      let organizerId: string | null;
      try {
        // Cached: an event never changes owner.
        organizerId = await this.deps.owners.organizerOf(this.deps.db, eventId);
      } catch (err) {
        if (!(err instanceof NotFoundError)) {
          this.deps.log.error({ err, eventId }, 'live dashboard owner lookup failed');
          continue;
        }
        organizerId = null; // deleted: only admins hear of it
      }
      const frame = Buffer.from(sseMessage('change', JSON.stringify({ eventId })));
      for (const { stream, actor } of this.dashboards) {
        if (actor.role === 'admin' || (organizerId !== null && actor.userId === organizerId)) {
          stream.write(frame);
          sent++;
        }
      }
    }
    this.flushing--;
    this.signals.emit({ kind: 'flush', eventIds, sent, pending: this.timer !== null || this.flushing > 0 });
  }
}
