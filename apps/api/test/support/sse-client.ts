import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SseMessage {
  event: string;
  id: string | null;
  data: string;
  /** performance.now() when the message was complete. */
  at: number;
}

/**
 * A Server-Sent Events reader over plain HTTP (what EventSource does, without reconnecting), for
 * tests against a loopback listener: it records every message and comment line as it arrives.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: { text: string; at: number }[] = [];
  retry: number | null = null;
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    private readonly response: http.IncomingMessage,
    private readonly request: http.ClientRequest,
    /** The body of a response that is not a stream (a problem document). */
    readonly body: string,
  ) {
    if (status !== 200) return;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
    response.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Connects; resolves once the response headers (and, for a non-200, the body) have arrived. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false });
      request.on('error', reject);
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status === 200) {
          resolve(new SseClient(status, response.headers, response, request, ''));
          return;
        }
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(new SseClient(status, response.headers, response, request, body)));
      });
    });
  }

  json<T = Record<string, unknown>>(): T {
    return JSON.parse(this.body) as T;
  }

  /** Messages of one event type. */
  events(event: string): SseMessage[] {
    return this.messages.filter((m) => m.event === event);
  }

  /** Waits until `count` messages of `event` have arrived; returns the last of them. */
  async waitFor(event: string, count: number, timeoutMs = 3000): Promise<SseMessage> {
    await this.until(() => this.events(event).length >= count, timeoutMs, `${count} "${event}" messages`);
    return this.events(event)[count - 1]!;
  }

  /** Waits until a comment line reading `text` has arrived (a marker the server was asked to send). */
  async waitForComment(text: string, timeoutMs = 3000): Promise<void> {
    await this.until(() => this.comments.some((c) => c.text === text), timeoutMs, `the comment "${text}"`);
  }

  /** Waits until `condition` holds (checked on every message, comment and the end of the stream). */
  async until(condition: () => boolean, timeoutMs: number, what = 'the condition'): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
      if (this.ended) throw new Error(`stream ended before ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async closedByServer(timeoutMs = 3000): Promise<void> {
    await this.until(() => this.ended, timeoutMs, 'the server to end the stream').catch((error: Error) => {
      if (!this.ended) throw error;
    });
  }

  close(): void {
    this.request.destroy();
    this.response.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      this.parse(block);
    }
    this.wake();
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    let isMessage = false;
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) {
        this.comments.push({ text: line.slice(1), at: performance.now() });
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'retry') this.retry = Number(value);
      else if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') {
        data.push(value);
        isMessage = true;
      }
    }
    if (isMessage) this.messages.push({ event, id, data: data.join('\n'), at: performance.now() });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
