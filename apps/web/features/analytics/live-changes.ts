import { createParser } from 'eventsource-parser';

/**
 * Reads GET /api/analytics/live, the dashboards' Server-Sent Events stream of `change` events
 * `{eventId}`. It needs the bearer header, which EventSource cannot send, so it is read with fetch
 * and parsed here; it reconnects itself with a growing, jittered backoff when the stream drops.
 * Kept free of React and of the session module so it can be tested with a fake fetch and clock.
 */

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

export interface LiveChangesOptions {
  /** Opens the stream with the current access token. */
  open: (signal: AbortSignal) => Promise<Response>;
  /** Gets a fresh access token after a 401; resolves to whether the user is still signed in. */
  refresh: () => Promise<boolean>;
  onChange: (eventId: string) => void;
  /**
   * The stream came back after a drop: changes in between were missed, so whatever is shown must
   * be loaded again. Not called for the first connection.
   */
  onReconnect: () => void;
  onStatus: (status: LiveStatus) => void;
  signal: AbortSignal;
  backoff?: { initialMs: number; maxMs: number };
  /** For tests: waits `ms` unless aborted. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };

/** The wait before reconnect attempt `n` (0-based): doubling from `initialMs`, at most `maxMs`, ±20 %. */
export function backoffDelay(
  attempt: number,
  backoff: { initialMs: number; maxMs: number },
  random: () => number,
): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The `eventId` of a `change` event's data, or null for anything else. */
export function changedEventId(data: string): string | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && 'eventId' in parsed && typeof parsed.eventId === 'string')
      return parsed.eventId;
  } catch {
    // Not JSON: not a change this client understands.
  }
  return null;
}

/** Reads one response body to its end, handing each `change` on. Resolves when the stream ends. */
async function readChanges(body: ReadableStream<Uint8Array>, onChange: (eventId: string) => void) {
  const parser = createParser({
    onEvent(message) {
      if (message.event !== 'change') return;
      const eventId = changedEventId(message.data);
      if (eventId) onChange(eventId);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      // `stream: true` keeps a character split across two chunks whole.
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Keeps the stream open until `signal` aborts, or until it cannot be had at all: signed out (a 401
 * that a token refresh does not cure) or not allowed (403/404), when the status becomes `off`.
 */
export async function followLiveChanges(options: LiveChangesOptions): Promise<void> {
  const { signal } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  let attempt = 0;
  let connectedBefore = false;
  let refreshedFor401 = false;

  options.onStatus('connecting');
  while (!signal.aborted) {
    let retryAfterMs = 0;
    try {
      const response = await options.open(signal);
      if (response.status === 401 && !refreshedFor401) {
        // The access token ran out: get a new one and try again at once, but only once in a row.
        void response.body?.cancel();
        refreshedFor401 = true;
        if (await options.refresh()) continue;
        options.onStatus('off');
        return;
      }
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        void response.body?.cancel();
        options.onStatus('off');
        return;
      }
      if (!response.ok || !response.body) {
        void response.body?.cancel();
        // 429 (too many open streams) says when to come back.
        retryAfterMs = Number(response.headers.get('retry-after')) * 1000 || 0;
        throw new Error(`live stream answered ${response.status}`);
      }
      refreshedFor401 = false;
      attempt = 0;
      options.onStatus('live');
      if (connectedBefore) options.onReconnect();
      connectedBefore = true;
      await readChanges(response.body, options.onChange);
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof Error && error.message.startsWith('live stream answered')))
        console.warn('Live updates dropped', error);
    }
    if (signal.aborted) return;
    options.onStatus('reconnecting');
    await sleep(Math.max(retryAfterMs, backoffDelay(attempt, backoff, random)), signal);
    attempt += 1;
  }
}

/**
 * Calls `run` once, `waitMs` after the last of a burst of `trigger()` calls: one reload for many
 * changes arriving together. `cancel()` drops a pending call.
 */
export function debounce(run: () => void, waitMs: number): { trigger: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    trigger() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, waitMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
