import { DomainError } from '@eventhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamConfig } from '../config';
import { LiveSignals } from './live-signals';
import { SseStream } from './sse-stream';

export class TooManyStreamsError extends DomainError {
  constructor(detail: string) {
    super('rate_limited', 'rate_limited', detail, { retryAfter: 30 });
  }
}

/**
 * Every live stream this process holds open: at most `connectionsPerIp` per client IP (as Fastify
 * resolved it, so X-Forwarded-For counts only behind a trusted proxy) and `connectionsMax` in all;
 * one timer sends every stream its heartbeat; shutdown ends them all (an open response would keep
 * the server from closing).
 */
export class StreamConnections {
  private readonly open = new Set<SseStream>();
  private readonly perIp = new Map<string, number>();
  /** Connections reserved, opened or not yet. */
  private reserved = 0;
  private readonly heartbeatTimer: NodeJS.Timeout;
  /** A stream ended, and how many are still open; nothing in the API listens, tests do. */
  readonly signals = new LiveSignals<{ kind: 'closed'; open: number }>();

  constructor(private readonly config: StreamConfig) {
    this.heartbeatTimer = setInterval(() => this.heartbeat(), config.heartbeatSeconds * 1000);
    this.heartbeatTimer.unref();
  }

  /**
   * Sends every open stream a comment line now: the heartbeat (`:`), or with `text`, a marker —
   * once a client has it, it has everything written to its stream before.
   */
  heartbeat(text = ''): void {
    for (const stream of this.open) stream.comment(text);
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Reserves a connection for `request.ip` (429 rate_limited when over a limit). Call before any
   * other work, then `open()` the stream, or `release()` if the request fails first.
   */
  admit(request: FastifyRequest): { open(reply: FastifyReply): SseStream; release(): void } {
    const ip = request.ip;
    const used = this.perIp.get(ip) ?? 0;
    if (used >= this.config.connectionsPerIp)
      throw new TooManyStreamsError(`At most ${this.config.connectionsPerIp} open streams per client`);
    if (this.reserved >= this.config.connectionsMax)
      throw new TooManyStreamsError('The server holds as many open streams as it can; try again later');
    this.perIp.set(ip, used + 1);
    this.reserved++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.reserved--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
    };
    return {
      release,
      open: (reply) => {
        const stream = new SseStream(reply);
        this.open.add(stream);
        stream.onClose(() => {
          this.open.delete(stream);
          release();
          this.signals.emit({ kind: 'closed', open: this.open.size });
        });
        return stream;
      },
    };
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeatTimer);
    for (const stream of [...this.open]) stream.close();
  }
}
