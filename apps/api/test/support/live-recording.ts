// Helpers for the live-stream suites: SSE clients on a loopback listener, and waits on what the
// server's live hubs decided (their signals), never on time passing.
import { afterEach, beforeAll, expect } from 'vitest';
import type { LiveSignals } from '../../src/live/live-signals';
import { listenOnLoopback } from './live-server';
import { SseClient } from './sse-client';
import type { TestEnv } from './test-env';

export type Signal = { kind: string; pending?: boolean };

/**
 * A live hub's signals (what it decided, as it decided it), recorded from when it is made. Every
 * wait here is for something the server did, with a timeout; none waits for time to pass.
 */
export class Recording<S extends Signal> {
  readonly seen: S[] = [];
  private readonly checks = new Set<() => void>();
  readonly stop: () => void;

  constructor(signals: LiveSignals<S>, keep: (signal: S) => boolean) {
    this.stop = signals.listen((signal) => {
      if (!keep(signal)) return;
      this.seen.push(signal);
      for (const check of [...this.checks]) check();
    });
  }

  /** The first signal recorded that matches, once it is. */
  async next<T extends S>(match: (signal: S) => signal is T, timeoutMs = 3000): Promise<T> {
    await this.until(() => this.seen.some(match), timeoutMs, 'the signal');
    return this.seen.find(match)!;
  }

  /**
   * Waits until the hub has answered every notice recorded (at least one): its last signal is a
   * flush with no other flush pending, so nothing more goes out until the next change. Returns the
   * flushes recorded.
   */
  async settled(timeoutMs = 3000): Promise<Extract<S, { kind: 'flush' }>[]> {
    const isFlush = (s: S): s is Extract<S, { kind: 'flush' }> => s.kind === 'flush';
    await this.until(
      () => {
        const last = this.seen.filter((s) => s.kind === 'notice' || isFlush(s)).at(-1);
        return this.seen.some((s) => s.kind === 'notice') && !!last && isFlush(last) && !last.pending;
      },
      timeoutMs,
      'every notice to be flushed',
    );
    return this.seen.filter(isFlush);
  }

  private until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.checks.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.checks.add(check);
      check();
    });
  }
}

let markers = 0;
/**
 * Returns once each client has everything the server wrote to it so far: a marker comment written
 * after it has arrived. A message a client lacks then was never sent.
 */
export async function drained(env: TestEnv, ...clients: SseClient[]): Promise<void> {
  const marker = `marker ${++markers}`;
  env.app.live.connections.heartbeat(marker);
  await Promise.all(clients.map((client) => client.waitForComment(marker)));
}

/** Waits until the server holds `count` open streams (it has seen the others go). */
export async function openStreams(env: TestEnv, count: number, timeoutMs = 3000): Promise<void> {
  const connections = env.app.live.connections;
  if (connections.size <= count) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} open streams`));
    }, timeoutMs);
    const stop = connections.signals.listen(({ open }) => {
      if (open > count) return;
      stop();
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Opens SSE clients against the suite's loopback listener and closes them all after each test. */
export function streams(env: () => TestEnv) {
  let baseUrl = '';
  const open = new Set<SseClient>();
  const recordings = new Set<Recording<Signal>>();
  beforeAll(async () => {
    baseUrl = await listenOnLoopback(env());
  });
  afterEach(async () => {
    for (const recording of recordings) recording.stop();
    recordings.clear();
    for (const client of open) client.close();
    open.clear();
    // The server sees the clients go, and frees their per-IP slots.
    await openStreams(env(), 0);
    expect(env().app.live.connections.size).toBe(0);
  });
  return {
    async connect(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
      const client = await SseClient.connect(`${baseUrl}${path}`, headers);
      open.add(client);
      return client;
    },
    /** Records a hub's signals (those `keep` accepts) until the test ends. */
    record<S extends Signal>(signals: LiveSignals<S>, keep: (signal: S) => boolean = () => true) {
      const recording = new Recording(signals, keep);
      recordings.add(recording);
      return recording;
    },
  };
}
