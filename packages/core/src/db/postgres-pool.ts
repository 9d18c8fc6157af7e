import type { Socket } from 'node:net';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { DatabaseUnreachableError, isPostgresTransportFailure } from './database-failures';

export interface OutageAwareOptions {
  /**
   * A fresh connection for a health probe, never one from the pool (which may be all busy, or all
   * stuck). Its connect and query timeouts bound the probe.
   */
  openProbe: () => pg.Client;
}

// A query outstanding this long has the database probed (slow, or gone?).
const SUSPECT_AFTER_MS = 1_000;
const CHECK_EVERY_MS = 250;
// While the database is away, it is tried again this often.
const RETRY_EVERY_MS = 500;
const TOO_MANY_CONNECTIONS = '53300';

interface Running {
  startedAt: number;
  /** A probe already found the database answering while this query ran: it is slow, not lost. */
  vouched: boolean;
  fail(error: Error): void;
}

/**
 * The pool as Kysely sees it, aware of outages.
 *
 * - Transport failures (no connection to be had, a socket reset, node-postgres's own timeouts)
 *   are rethrown as `DatabaseUnreachableError`, so the API tells them from bugs by class.
 * - A query with no answer after 1 s, while no other query was answered either, has the
 *   database probed on a fresh connection. A server that answers the probe is slow (a lock, a
 *   disk stall): its queries go on, bounded by the server's statement_timeout. One that does not
 *   is away, as it is after a transport failure with no other query answered in that second:
 *   then the queries running, the requests waiting for a connection and every new one fail at
 *   once, and a probe every half second finds out when it is back.
 * - While the database is up, waiting for a busy pool's connection is not bounded: that is load.
 * - A connection that failed, or whose query was abandoned, is destroyed instead of going back to
 *   the pool: it may still be waiting for an answer that every later query would wait behind.
 */
export function outageAwarePool(pool: pg.Pool, options: OutageAwareOptions): PostgresPool {
  let away: DatabaseUnreachableError | null = null;
  let probing = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let ended = false;
  let lastAnswerAt = 0;
  const waiting = new Set<(error: Error) => void>();
  const running = new Set<Running>();

  const unreachable = (cause: unknown) =>
    new DatabaseUnreachableError('The database is unreachable', { cause });
  /** A failure reaching the server; a single one while others are answered is just that one. */
  const failed = (cause: unknown) => {
    if (Date.now() - lastAnswerAt >= SUSPECT_AFTER_MS) markAway(cause);
  };
  const markAway = (cause: unknown) => {
    away ??= unreachable(cause);
    for (const fail of [...waiting]) fail(away);
    for (const query of [...running]) query.fail(away);
    scheduleRetry();
  };
  const scheduleRetry = () => {
    if (retryTimer || ended || !away) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void probe().then((answers) => {
        if (answers) away = null;
        else scheduleRetry();
      });
    }, RETRY_EVERY_MS);
    retryTimer.unref();
  };

  /** Whether the server answers `select 1` on a new connection, within the probe's own timeouts. */
  const probe = async (): Promise<boolean> => {
    const client = options.openProbe();
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      void client.end().catch(() => {});
      return true;
    } catch (error) {
      destroy(client);
      // The server answered, only to say it has no connection to spare: the pool's still work.
      return (error as { code?: unknown }).code === TOO_MANY_CONNECTIONS;
    }
  };

  const watchdog = setInterval(() => {
    if (away || probing || ended) return;
    const now = Date.now();
    const suspects = [...running].filter((q) => !q.vouched && now - q.startedAt > SUSPECT_AFTER_MS);
    // Other queries are being answered meanwhile: these are slow (or queued behind a lock), the
    // server is there. Looked at again at the next check.
    if (suspects.length === 0 || now - lastAnswerAt < SUSPECT_AFTER_MS) return;
    probing = true;
    void probe().then((answers) => {
      probing = false;
      if (answers) for (const q of suspects) q.vouched = true;
      else markAway(new Error('The database did not answer a health probe'));
    });
  }, CHECK_EVERY_MS);
  watchdog.unref();

  const wrappers = new WeakMap<pg.PoolClient, { client: PostgresPoolClient; checkOut(): void }>();
  const wrap = (client: pg.PoolClient) => {
    let discard = false;
    // pg-pool listens for errors only while a connection is idle; one that dies while checked out
    // (inside a transaction, between two queries) would emit an 'error' nobody hears, and an
    // unheard 'error' event ends the process. Its next query fails and it is not reused; one lost
    // connection alone (an admin ended it) does not mean the database is away.
    client.on('error', () => void (discard = true));
    const query = (...args: unknown[]): unknown => {
      // Behind an abandoned query a ROLLBACK would wait as well: fail it now.
      if (discard) return Promise.reject(unreachable(away?.cause));
      const result = (client.query as (...a: unknown[]) => unknown)(...args);
      if (!(result instanceof Promise)) return result; // a cursor: not used by our queries
      return new Promise((resolve, reject) => {
        const entry: Running = {
          startedAt: Date.now(),
          vouched: false,
          fail: (error) => {
            running.delete(entry);
            discard = true;
            reject(error);
          },
        };
        running.add(entry);
        result.then(
          (value) => {
            if (!running.delete(entry)) return; // abandoned meanwhile
            away = null;
            lastAnswerAt = Date.now();
            resolve(value);
          },
          (error: unknown) => {
            if (!running.delete(entry)) return;
            if (!isPostgresTransportFailure(error)) return reject(error);
            discard = true;
            failed(error);
            reject(new DatabaseUnreachableError('The database connection failed', { cause: error }));
          },
        );
      });
    };
    const release = (destroyIt?: boolean) => {
      if (discard) destroy(client);
      client.release(destroyIt || discard);
    };
    return {
      client: { query: query as PostgresPoolClient['query'], release },
      checkOut: () => void (discard = false),
    };
  };

  return {
    connect() {
      if (away) return Promise.reject(unreachable(away.cause));
      return new Promise<PostgresPoolClient>((resolve, reject) => {
        let settled = false;
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          waiting.delete(fail);
          reject(error);
        };
        waiting.add(fail);
        pool.connect().then(
          (client) => {
            // Given up on meanwhile (the database went away): back to the pool, unused.
            if (settled) return client.release();
            settled = true;
            waiting.delete(fail);
            let wrapper = wrappers.get(client);
            if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
            wrapper.checkOut();
            resolve(wrapper.client);
          },
          (error: unknown) => {
            failed(error);
            fail(new DatabaseUnreachableError('No database connection could be opened', { cause: error }));
          },
        );
      });
    },
    async end() {
      ended = true;
      clearInterval(watchdog);
      if (retryTimer) clearTimeout(retryTimer);
      for (const fail of [...waiting]) fail(new Error('The database pool is closing'));
      await pool.end();
    },
  };
}

/** Closes a connection's socket now; end() would first wait for a server that may never answer. */
function destroy(client: pg.ClientBase): void {
  (client as unknown as { connection?: { stream?: Socket } }).connection?.stream?.destroy();
}
