import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Db } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import { LocalChangeBus, type ChangeBus, type ChangeListener } from './change-bus';

export interface PostgresChangeBusOptions {
  connectionString: string;
  /** Publishes go through the application's pool. */
  db: Db;
  log: FastifyBaseLogger;
  /** NOTIFY channels are per database, so several deployments on one server do not mix. */
  channel?: string;
  /** At most one NOTIFY per this many ms per process, carrying every event changed meanwhile. */
  notifyIntervalMs?: number;
  /**
   * How often the LISTEN connection is checked with a query. A server that hangs or a network that
   * drops packets closes no socket; without a check the bus would listen to silence until TCP
   * keepalive gave up, minutes later.
   */
  heartbeatMs?: number;
}

// NOTIFY payloads must stay under 8000 bytes.
const MAX_PAYLOAD = 7000;
// One connection per process, so retrying often costs the server little; streams catch up within
// this long of the database coming back.
const MAX_BACKOFF_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 5_000;
export const LISTEN_APPLICATION_NAME = 'eventhub-live';

/**
 * The change bus across API processes on one PostgreSQL database: LISTEN on a dedicated
 * connection, NOTIFY through the pool. This process's own listeners hear a publish at once; other
 * processes hear it with the next NOTIFY, which is coalesced (a sell-out rush of hundreds of orders
 * a second sends a few NOTIFYs a second, each listing the events changed). Each payload names the
 * process it came from, so a process skips its own. If the LISTEN connection drops it reconnects
 * with backoff and then tells listeners that changes may have been missed.
 */
export class PostgresChangeBus implements ChangeBus {
  private readonly local: LocalChangeBus;
  private readonly origin = randomBytes(6).toString('hex');
  private readonly channel: string;
  private readonly notifyIntervalMs: number;
  private readonly pending = new Set<string>();
  private notifyTimer: NodeJS.Timeout | null = null;
  private notifying: Promise<void> | null = null;
  private lastNotifyAt = 0;
  private client: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private listenedBefore = false;
  private closed = false;

  constructor(private readonly options: PostgresChangeBusOptions) {
    this.channel = options.channel ?? 'eventhub_changes';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel)) throw new Error(`Bad channel name ${this.channel}`);
    this.notifyIntervalMs = options.notifyIntervalMs ?? 200;
    this.local = new LocalChangeBus((err) => options.log.error({ err }, 'change listener failed'));
  }

  /** Connects the LISTEN connection; resolves once listening, or after a first failure (it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  publish(eventId: string): void {
    this.local.publish(eventId);
    this.pending.add(eventId);
    this.scheduleNotify();
  }

  subscribe(listener: ChangeListener): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    await this.notifying;
    // What changed in the last moments still reaches the other processes.
    if (this.pending.size > 0) await this.notify();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
    await this.local.close();
  }

  private scheduleNotify(): void {
    if (this.notifyTimer || this.notifying || this.closed) return;
    const wait = Math.max(0, this.lastNotifyAt + this.notifyIntervalMs - Date.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.notifying = this.notify().finally(() => {
        this.notifying = null;
        if (this.pending.size > 0) this.scheduleNotify();
      });
    }, wait);
  }

  private async notify(): Promise<void> {
    this.lastNotifyAt = Date.now();
    const ids = [...this.pending];
    this.pending.clear();
    for (const payload of payloads(this.origin, ids)) {
      try {
        await sql`SELECT pg_notify(${this.channel}, ${payload})`.execute(this.options.db);
      } catch (err) {
        // Streams elsewhere then lag until the event's next change; the write itself succeeded.
        this.options.log.warn({ err }, 'live availability NOTIFY failed');
      }
    }
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) return;
    // pg loads only where PostgreSQL is used.
    const { default: pgModule } = await import('pg');
    if (this.closed) return;
    // Named, so operators (and the reconnect test) can tell the LISTEN connection from the pool's.
    const client = new pgModule.Client({
      connectionString: this.options.connectionString,
      application_name: LISTEN_APPLICATION_NAME,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.received(message.payload);
    });
    client.on('error', (err) => {
      this.options.log.warn({ err }, 'live availability LISTEN connection failed');
      this.dropped(client);
    });
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      this.options.log.warn({ err }, 'live availability LISTEN connection could not be opened');
      this.dropped(client);
      return;
    }
    if (this.client !== client) return; // closed meanwhile
    this.failures = 0;
    // Whatever was notified while nobody listened is lost: have every stream look again.
    if (this.listenedBefore) this.local.publish(null);
    this.listenedBefore = true;
    this.scheduleHeartbeat(client);
  }

  private scheduleHeartbeat(client: pg.Client): void {
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = null;
      if (this.client !== client) return;
      // LISTEN again is a no-op that takes a round trip, and keeps pg_stat_activity saying what
      // this connection is for.
      client.query(`LISTEN ${this.channel}`).then(
        () => this.scheduleHeartbeat(client),
        (err: unknown) => {
          this.options.log.warn({ err }, 'live availability LISTEN connection stopped answering');
          this.dropped(client);
        },
      );
    }, this.options.heartbeatMs ?? 10_000);
    this.heartbeatTimer.unref();
  }

  /** The connection failed or ended: let it go, and (unless closing) open another after a backoff. */
  private dropped(client: pg.Client): void {
    client.removeAllListeners('end');
    // end() alone would wait for a hung server to answer the goodbye; the error listener stays, so
    // whatever the dead socket still reports is logged, never thrown.
    (client as unknown as { connection?: { stream?: Socket } }).connection?.stream?.destroy();
    void client.end().catch(() => {});
    if (this.client !== client) return; // already replaced, or the bus is closing
    this.client = null;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.closed) return;
    const base = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures++);
    this.reconnectTimer = setTimeout(() => void this.connect(), base / 2 + Math.random() * (base / 2));
    this.reconnectTimer.unref();
  }

  private received(payload: string): void {
    const separator = payload.indexOf(':');
    if (separator < 0 || payload.slice(0, separator) === this.origin) return;
    for (const eventId of payload.slice(separator + 1).split(',')) if (eventId) this.local.publish(eventId);
  }
}

/** `origin:id,id,…` payloads, each under the NOTIFY size limit. */
function payloads(origin: string, ids: string[]): string[] {
  const result: string[] = [];
  let current = '';
  for (const id of ids) {
    if (current && origin.length + 1 + current.length + 1 + id.length > MAX_PAYLOAD) {
      result.push(`${origin}:${current}`);
      current = '';
    }
    current = current ? `${current},${id}` : id;
  }
  if (current) result.push(`${origin}:${current}`);
  return result;
}
