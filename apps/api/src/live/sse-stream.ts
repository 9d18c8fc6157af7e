import type { FastifyReply } from 'fastify';

/** Reconnect hint for EventSource clients, in ms. */
export const RETRY_MS = 3000;
// A client that stops reading is dropped once this much is queued for it (it reconnects and gets the current state).
const MAX_BUFFERED_BYTES = 256 * 1024;

/** One Server-Sent Events message; multi-line data is split as the format requires. */
export function sseMessage(event: string, data: string, id?: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `event: ${event}\n${id ? `id: ${id}\n` : ''}${lines.join('')}\n`;
}

/**
 * One open text/event-stream response. The reply is hijacked: Fastify neither serializes nor ends
 * it, so whoever opened the stream must close it (the client leaving, or the server shutting down).
 */
export class SseStream {
  private ended = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(private readonly reply: FastifyReply) {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      // Headers set so far (request id, security headers, CORS) still go out.
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.socket?.setNoDelay(true);
    raw.write(`retry: ${RETRY_MS}\n\n`);
    raw.on('close', () => this.finished());
    // The client may have gone while the request was being checked: its 'close' has already fired.
    if (raw.destroyed || !raw.socket || raw.socket.destroyed) this.finished();
  }

  get closed(): boolean {
    return this.ended;
  }

  onClose(listener: () => void): void {
    if (this.ended) listener();
    else this.closeListeners.push(listener);
  }

  write(chunk: string | Buffer): void {
    if (this.ended) return;
    const raw = this.reply.raw;
    if (raw.writableLength > MAX_BUFFERED_BYTES) {
      raw.destroy();
      return;
    }
    raw.write(chunk);
  }

  comment(text = ''): void {
    this.write(`:${text}\n\n`);
  }

  close(): void {
    if (this.ended) return;
    this.reply.raw.end();
    this.finished();
  }

  private finished(): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
