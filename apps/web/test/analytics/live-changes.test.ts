import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  changedEventId,
  debounce,
  followLiveChanges,
  type LiveStatus,
} from '../../features/analytics/live-changes';

const encoder = new TextEncoder();

/** A text/event-stream response whose body is `chunks`, then ends (or stays open). */
function sse(chunks: string[], { keepOpen = false } = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!keepOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function problem(status: number, headers: Record<string, string> = {}): Response {
  return new Response('{}', { status, headers });
}

function harness(responses: (() => Response | Promise<Response>)[]) {
  const controller = new AbortController();
  const changes: string[] = [];
  const statuses: LiveStatus[] = [];
  const waits: number[] = [];
  let reconnects = 0;
  const open = vi.fn(() => {
    const next = responses.shift();
    if (!next) {
      controller.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    }
    return Promise.resolve(next());
  });
  const refresh = vi.fn(() => Promise.resolve(true));
  const run = () =>
    followLiveChanges({
      open,
      refresh,
      onChange: (id) => changes.push(id),
      onReconnect: () => (reconnects += 1),
      onStatus: (s) => statuses.push(s),
      signal: controller.signal,
      random: () => 0.5,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
  return { run, open, refresh, changes, statuses, waits, reconnects: () => reconnects, controller };
}

describe('followLiveChanges', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hands on every change, whatever the chunk boundaries, and skips heartbeats and other events', async () => {
    const h = harness([
      () =>
        sse([
          'retry: 3000\n\n: heartbeat\n\n',
          'event: change\ndata: {"eventId":"e1"}\n\nevent: cha',
          'nge\ndata: {"eventId":"e2"}\n\n',
          'event: other\ndata: {"eventId":"x"}\n\n',
          'event: change\ndata: not json\n\n',
        ]),
    ]);
    await h.run();
    expect(h.changes).toEqual(['e1', 'e2']);
    expect(h.statuses[0]).toBe('connecting');
    expect(h.statuses).toContain('live');
  });

  it('reconnects after a drop with a growing backoff, reset by a good connection, and reports the reconnect', async () => {
    const h = harness([
      () => sse(['event: change\ndata: {"eventId":"e1"}\n\n']),
      () => problem(502),
      () => problem(503),
      () => sse(['event: change\ndata: {"eventId":"e2"}\n\n']),
    ]);
    await h.run();
    expect(h.changes).toEqual(['e1', 'e2']);
    // After the first stream ends: 1 s; then 2 s and 4 s after the two failures; reset after e2.
    expect(h.waits.slice(0, 4)).toEqual([1000, 2000, 4000, 1000]);
    expect(h.reconnects()).toBe(1);
    expect(h.statuses).toContain('reconnecting');
  });

  it('waits as long as a 429 asks', async () => {
    const h = harness([() => problem(429, { 'retry-after': '30' }), () => sse([])]);
    await h.run();
    expect(h.waits[0]).toBe(30_000);
  });

  it('refreshes the token once on a 401 and goes on; gives up when signed out', async () => {
    const h = harness([() => problem(401), () => sse(['event: change\ndata: {"eventId":"e1"}\n\n'])]);
    await h.run();
    expect(h.refresh).toHaveBeenCalledTimes(1);
    expect(h.changes).toEqual(['e1']);

    const out = harness([() => problem(401)]);
    out.refresh.mockResolvedValueOnce(false);
    await out.run();
    expect(out.statuses.at(-1)).toBe('off');
    expect(out.open).toHaveBeenCalledTimes(1);
  });

  it('stops for good when not allowed', async () => {
    const h = harness([() => problem(403), () => sse([])]);
    await h.run();
    expect(h.statuses.at(-1)).toBe('off');
    expect(h.open).toHaveBeenCalledTimes(1);
  });

  it('ends quietly when aborted while a stream is open', async () => {
    const h = harness([() => sse(['event: change\ndata: {"eventId":"e1"}\n\n'], { keepOpen: true })]);
    const running = h.run();
    await vi.waitFor(() => expect(h.changes).toEqual(['e1']));
    h.controller.abort();
    // The fake body ignores the signal; cancelling it stands in for fetch aborting the read.
    await Promise.race([running, new Promise((r) => setTimeout(r, 50))]);
    expect(h.statuses).not.toContain('off');
  });
});

describe('helpers', () => {
  it('doubles the backoff up to its cap, with jitter', () => {
    const b = { initialMs: 1000, maxMs: 30_000 };
    expect([0, 1, 2, 5, 10].map((n) => backoffDelay(n, b, () => 0.5))).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(backoffDelay(0, b, () => 0)).toBe(800);
    expect(backoffDelay(0, b, () => 1)).toBe(1200);
  });

  it('reads the event id of a change', () => {
    expect(changedEventId('{"eventId":"abc"}')).toBe('abc');
    expect(changedEventId('{"eventId":1}')).toBeNull();
    expect(changedEventId('[')).toBeNull();
  });

  it('debounces a burst into one call', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const d = debounce(run, 300);
      d.trigger();
      vi.advanceTimersByTime(200);
      d.trigger();
      vi.advanceTimersByTime(299);
      expect(run).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(run).toHaveBeenCalledTimes(1);
      d.trigger();
      d.cancel();
      vi.advanceTimersByTime(1000);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
