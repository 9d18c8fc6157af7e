import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  availabilitySnapshot,
  isVisibleTo,
  NotFoundError,
  type Actor,
  type AvailabilitySnapshot,
  type Clock,
  type Db,
} from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import { LiveSignals } from './live-signals';
import { sseMessage, type SseStream } from './sse-stream';

export interface CoalescingOptions {
  /** The first change after a quiet spell is sent this long after it (a burst lands in one message). */
  firstDelayMs: number;
  /** Then at most one message per this many ms per event, however many changes come in. */
  minIntervalMs: number;
}

/** What the hub decided for one event, as it decides it (see LiveSignals). */
export type AvailabilitySignal =
  /** A change notice reached an event with subscribers; `version` counts the event's notices. */
  | { kind: 'notice'; eventId: string; version: number }
  /**
   * A flush read the event as of notice `version`, one read for the `notices` notices since the
   * last flush, and wrote it to `sent` subscribers; `unchanged` had that state already and were
   * sent nothing, `closed` may no longer see the event. `pending`: another flush is scheduled (a
   * notice came in during the read) or still reading. (A failed read signals nothing; it is retried.)
   */
  | {
      kind: 'flush';
      eventId: string;
      version: number;
      notices: number;
      sent: number;
      unchanged: number;
      closed: number;
      pending: boolean;
    }
  /** The expiry timer fired; `due` unless the clock is still short of `at` (it waits again). */
  | { kind: 'expiry'; eventId: string; at: number; due: boolean };

/** One event's availability as it goes out: the GET body, its content hash as the SSE id, the frame. */
interface Message {
  snapshot: AvailabilitySnapshot;
  id: string;
  frame: Buffer;
}

interface Subscriber {
  stream: SseStream;
  actor: Actor | null;
  /** The id of the state this client has (from Last-Event-ID, then from what it was sent). */
  lastId: string | null;
}

interface EventState {
  eventId: string;
  subscribers: Set<Subscriber>;
  /** Connections still being opened: the state must outlive their first read. */
  opening: number;
  /** Bumped by every change notice; a message computed at an older version may be stale. */
  version: number;
  /** The version the last flush read. */
  flushedVersion: number;
  /** The last message computed, and at which version; null for a deleted event. */
  current: { version: number; message: Message | null } | null;
  computing: { version: number; promise: Promise<Message | null> } | null;
  flushTimer: NodeJS.Timeout | null;
  /** Flushes reading now (a slow read can still be running when the next flush starts). */
  flushing: number;
  lastFlushAt: number;
  /** When (clock time, ms) the earliest pending hold runs out, and the timer waiting for it. */
  expiryAt: number | null;
  expiryTimer: NodeJS.Timeout | null;
}

// setTimeout cannot wait longer than 2^31-1 ms; a far expiry is waited for in steps.
const MAX_TIMER_MS = 3_600_000;
const RETRY_AFTER_FAILURE_MS = 2_000;

/** The SSE id of an availability body: a short hash of its content, the same in every process. */
export function availabilityId(body: string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 16);
}

/**
 * GET /api/events/:id/availability/stream for every subscriber of this process. Per event it keeps
 * the subscribers and the last message; a change notice (from the change bus) schedules a flush,
 * coalesced so a burst of orders costs one read and one message per interval, not one per order.
 * A flush reads the availability once and writes the same bytes to every subscriber that does not
 * have that state yet. Events with subscribers also get a timer at their earliest pending hold's
 * expiry, because a hold running out changes availability without any write.
 */
export class AvailabilityStreams {
  private readonly states = new Map<string, EventState>();
  private closed = false;
  /** Every notice, flush and expiry as it happens; nothing in the API listens, tests do. */
  readonly signals = new LiveSignals<AvailabilitySignal>();

  constructor(
    private readonly deps: { db: Db; clock: Clock; log: FastifyBaseLogger },
    private readonly coalescing: CoalescingOptions = { firstDelayMs: 100, minIntervalMs: 400 },
  ) {}

  /** Events with at least one subscriber in this process. */
  get events(): number {
    return this.states.size;
  }

  /** A change notice: the event's availability may differ now (null: any event's may). */
  changed(eventId: string | null): void {
    if (eventId === null) {
      for (const state of this.states.values()) this.markChanged(state);
      return;
    }
    const state = this.states.get(eventId);
    if (state) this.markChanged(state);
  }

  /**
   * Checks that `actor` may see the event (404 otherwise, as GET /api/events/:id does), then opens
   * the stream and sends the current state unless the client already has it (`lastEventId`).
   */
  async subscribe(
    eventId: string,
    actor: Actor | null,
    lastEventId: string | null,
    open: () => SseStream,
  ): Promise<void> {
    const state = this.stateOf(eventId);
    state.opening++;
    try {
      const { version, message } = await this.compute(state);
      if (!message || !isVisibleTo(actor, visibilityOf(message))) throw new NotFoundError('Event');
      const subscriber: Subscriber = { stream: open(), actor, lastId: lastEventId };
      state.subscribers.add(subscriber);
      subscriber.stream.onClose(() => {
        state.subscribers.delete(subscriber);
        this.dropIfIdle(state);
      });
      // A flush may have gone out while this one was reading: send the newest state known.
      const newest = state.current && state.current.version > version ? state.current.message : message;
      if (newest) this.deliver(subscriber, newest);
      else subscriber.stream.close();
    } finally {
      state.opening--;
      this.dropIfIdle(state);
    }
  }

  /**
   * Re-arms every expiry timer against the clock's current time. A system clock needs none of
   * this; a test that moves a ManualClock calls it so the timers follow the clock it moved.
   */
  rearmExpiryTimers(): void {
    for (const state of this.states.values()) {
      if (state.expiryAt !== null) this.armExpiry(state, state.expiryAt);
    }
  }

  close(): void {
    this.closed = true;
    for (const state of this.states.values()) this.clearTimers(state);
    this.states.clear();
  }

  private stateOf(eventId: string): EventState {
    let state = this.states.get(eventId);
    if (!state) {
      state = {
        eventId,
        subscribers: new Set(),
        opening: 0,
        version: 0,
        flushedVersion: 0,
        current: null,
        computing: null,
        flushTimer: null,
        flushing: 0,
        lastFlushAt: -Infinity,
        expiryAt: null,
        expiryTimer: null,
      };
      this.states.set(eventId, state);
    }
    return state;
  }

  private dropIfIdle(state: EventState): void {
    if (state.subscribers.size > 0 || state.opening > 0) return;
    this.clearTimers(state);
    if (this.states.get(state.eventId) === state) this.states.delete(state.eventId);
  }

  private clearTimers(state: EventState): void {
    if (state.flushTimer) clearTimeout(state.flushTimer);
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    state.flushTimer = null;
    state.expiryTimer = null;
  }

  private markChanged(state: EventState): void {
    state.version++;
    this.signals.emit({ kind: 'notice', eventId: state.eventId, version: state.version });
    this.scheduleFlush(state);
  }

  private scheduleFlush(state: EventState, atLeastMs = 0): void {
    if (state.flushTimer || this.closed) return;
    const sinceLast = performance.now() - state.lastFlushAt;
    const wait = Math.max(this.coalescing.firstDelayMs, this.coalescing.minIntervalMs - sinceLast, atLeastMs);
    state.flushTimer = setTimeout(() => void this.flush(state), wait);
  }

  private async flush(state: EventState): Promise<void> {
    state.flushTimer = null;
    state.lastFlushAt = performance.now();
    // A connection still being opened may hold an older read: it picks this one up when done.
    if (state.subscribers.size === 0 && state.opening === 0) return;
    let version: number;
    let message: Message | null;
    state.flushing++;
    try {
      ({ version, message } = await this.compute(state));
    } catch (err) {
      state.flushing--;
      this.deps.log.error({ err, eventId: state.eventId }, 'live availability read failed');
      this.scheduleFlush(state, RETRY_AFTER_FAILURE_MS);
      return;
    }
    state.flushing--;
    const done = { sent: 0, unchanged: 0, closed: 0 };
    // A slow read that finishes after a later flush's is older than what was sent: drop it, or
    // subscribers would step back to a stale state.
    const subscribers = version < state.flushedVersion ? [] : [...state.subscribers];
    for (const subscriber of subscribers) {
      // Deleted, or turned back into a draft: only those who may still see it stay.
      if (!message || !isVisibleTo(subscriber.actor, visibilityOf(message))) {
        subscriber.stream.close();
        done.closed++;
      } else if (this.deliver(subscriber, message)) done.sent++;
      else done.unchanged++;
    }
    // A slow read can finish after a later flush's: it answers no notice that one did not.
    const notices = Math.max(0, version - state.flushedVersion);
    state.flushedVersion = Math.max(state.flushedVersion, version);
    const pending = state.flushTimer !== null || state.flushing > 0;
    this.signals.emit({ kind: 'flush', eventId: state.eventId, version, notices, ...done, pending });
  }

  /** Writes the message unless the subscriber has that state already; says whether it wrote. */
  private deliver(subscriber: Subscriber, message: Message): boolean {
    if (subscriber.lastId === message.id) return false;
    subscriber.lastId = message.id;
    subscriber.stream.write(message.frame);
    return true;
  }

  /** The event's message at its current version: the last one if still fresh, else one shared read. */
  private compute(state: EventState): Promise<{ version: number; message: Message | null }> {
    const version = state.version;
    const now = this.deps.clock.now().getTime();
    const current = state.current;
    if (current?.version === version && (state.expiryAt === null || now < state.expiryAt))
      return Promise.resolve(current);
    if (state.computing?.version !== version) {
      const promise = this.read(state.eventId).then((message) => {
        // Not for a state already let go (its last subscriber left during the read): no timers for it.
        if (
          this.states.get(state.eventId) === state &&
          (!state.current || state.current.version <= version)
        ) {
          state.current = { version, message };
          const expiry = message?.snapshot.nextHoldExpiry;
          if (expiry) this.armExpiry(state, expiry.getTime());
          else this.disarmExpiry(state);
        }
        return message;
      });
      const computing = { version, promise };
      state.computing = computing;
      void promise
        .finally(() => {
          if (state.computing === computing) state.computing = null;
        })
        .catch(() => {});
    }
    return state.computing!.promise.then((message) => ({ version, message }));
  }

  private async read(eventId: string): Promise<Message | null> {
    const snapshot = await availabilitySnapshot(this.deps, eventId);
    if (!snapshot) return null;
    const body = JSON.stringify(snapshot.availability);
    const id = availabilityId(body);
    return { snapshot, id, frame: Buffer.from(sseMessage('availability', body, id)) };
  }

  private armExpiry(state: EventState, at: number): void {
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    state.expiryAt = at;
    if (this.closed) return;
    const wait = at - this.deps.clock.now().getTime();
    state.expiryTimer = setTimeout(
      () => {
        state.expiryTimer = null;
        const due = this.deps.clock.now().getTime() >= at;
        this.signals.emit({ kind: 'expiry', eventId: state.eventId, at, due });
        if (!due) return this.armExpiry(state, at);
        state.expiryAt = null;
        this.markChanged(state);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, wait)),
    );
    state.expiryTimer.unref();
  }

  private disarmExpiry(state: EventState): void {
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    state.expiryTimer = null;
    state.expiryAt = null;
  }
}

function visibilityOf(message: Message) {
  return { status: message.snapshot.status, organizer_id: message.snapshot.organizerId };
}
