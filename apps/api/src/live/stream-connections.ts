import { DomainError } from '@eventhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamConfig } from '../config';
import type { SharedRedis } from '../redis';
import { LiveSignals } from './live-signals';
import { SharedStreamCounts } from './shared-stream-counts';
import { SseStream } from './sse-stream';

export class TooManyStreamsError extends DomainError {
  constructor(detail: string) {
    super('rate_limited', 'rate_limited', detail, { retryAfter: 30 });
  }
}

const TOO_MANY_PER_CLIENT = (limit: number) => `At most ${limit} open streams per client`;

/**
 * Every live stream this process holds open: at most `connectionsPerIp` per client IP (as Fastify
 * resolved it, so X-Forwarded-For counts only behind a trusted proxy) and `connectionsMax` in all;
 * one timer sends every stream its heartbeat; shutdown ends them all (an open response would keep
 * the server from closing). With Redis the per-IP cap holds across every API process; the total
 * stays per process, since what it protects is this process's memory and sockets. While Redis is
 * unreachable the per-IP cap is counted in this process only.
 */
export class StreamConnections {
  private readonly open = new Set<SseStream>();
  private readonly perIp = new Map<string, number>();
  /** Connections reserved, opened or not yet. */
  private reserved = 0;
  /** Admissions waiting on Redis: their count is in `perIp` and maybe not yet in Redis. */
  private admitting = 0;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly livenessTimer: NodeJS.Timeout | null = null;
  private readonly sharedCounts: SharedStreamCounts | null = null;
  /** A stream ended, and how many are still open; nothing in the API listens, tests do. */
  readonly signals = new LiveSignals<{ kind: 'closed'; open: number }>();

  constructor(
    private readonly config: StreamConfig,
    private readonly shared: SharedRedis | null = null,
    /** How long a process that stopped refreshing is still counted (tests shorten it). */
    livenessMs = 30_000,
  ) {
    this.heartbeatTimer = setInterval(() => this.heartbeat(), config.heartbeatSeconds * 1000);
    this.heartbeatTimer.unref();
    if (shared) {
      this.sharedCounts = new SharedStreamCounts(shared, livenessMs);
      this.livenessTimer = setInterval(() => void this.refreshShared(), livenessMs / 3);
      this.livenessTimer.unref();
    }
  }

  private async refreshShared(): Promise<void> {
    try {
      // Counts stated while an admission is between here and Redis could count it twice.
      await this.sharedCounts!.refresh(this.admitting > 0 ? new Map() : this.perIp);
    } catch (error) {
      this.shared!.fellBack('stream caps', error);
    }
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
  async admit(request: FastifyRequest): Promise<{ open(reply: FastifyReply): SseStream; release(): void }> {
    const ip = request.ip;
    const used = this.perIp.get(ip) ?? 0;
    if (used >= this.config.connectionsPerIp)
      throw new TooManyStreamsError(TOO_MANY_PER_CLIENT(this.config.connectionsPerIp));
    if (this.reserved >= this.config.connectionsMax)
      throw new TooManyStreamsError('The server holds as many open streams as it can; try again later');
    this.perIp.set(ip, used + 1);
    this.reserved++;
    let held = true;
    let heldInRedis = false;
    const releaseHere = () => {
      this.reserved--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
    };
    if (this.sharedCounts) {
      this.admitting++;
      try {
        heldInRedis = await this.sharedCounts.reserve(ip, this.config.connectionsPerIp);
        if (!heldInRedis) {
          releaseHere();
          throw new TooManyStreamsError(TOO_MANY_PER_CLIENT(this.config.connectionsPerIp));
        }
      } catch (error) {
        if (error instanceof TooManyStreamsError) throw error;
        // Redis failed: this process's own count (checked above) is the cap for now.
        this.shared!.fellBack('stream caps', error);
      } finally {
        this.admitting--;
      }
    }
    const release = () => {
      if (!held) return;
      held = false;
      releaseHere();
      if (heldInRedis)
        this.sharedCounts!.release(ip).catch((error: unknown) => this.shared!.fellBack('stream caps', error));
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

  /** Ends every stream (server shutdown); with Redis, this process's streams stop counting there. */
  async closeAll(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    if (this.livenessTimer) clearInterval(this.livenessTimer);
    const ips = [...this.perIp.keys()];
    for (const stream of [...this.open]) stream.close();
    // Failing that, the liveness this process no longer refreshes runs out by itself.
    await this.sharedCounts
      ?.forget(ips)
      .catch((error: unknown) => this.shared!.fellBack('stream caps', error));
  }
}
