import { DomainError } from '@eventhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamConfig } from '../config';
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
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly config: StreamConfig) {
    this.heartbeat = setInterval(() => {
      for (const stream of this.open) stream.comment();
    }, config.heartbeatSeconds * 1000);
    this.heartbeat.unref();
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
        });
        return stream;
      },
    };
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const stream of [...this.open]) stream.close();
  }
}
