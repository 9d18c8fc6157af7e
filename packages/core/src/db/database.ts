import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteStatement, type Transaction } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { outageAwarePool } from './postgres-pool';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: use cases that compose accept both. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Opens the pool's connections now, so the first rush after start-up does not pay for them. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL selects PostgreSQL; otherwise `sqliteFile` is used. */
  databaseUrl?: string;
  /** Path of the SQLite file, or ":memory:". */
  sqliteFile?: string;
  poolSize?: number;
  /** PostgreSQL: how long opening a connection may take. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: the longest a statement may run (the server's `statement_timeout`; a connection
   * that stays silent is given up 30 s later). 0: no limit (migrations).
   */
  queryTimeoutMs?: number;
}

/**
 * Defaults. A new connection may take 3 s. A statement may run 30 s: the slowest request measured,
 * an analytics dashboard on 100,000 orders, takes 0.35 s on PostgreSQL, but a disk under pressure
 * can hold a plain commit for over 10 s, and that is slow, not gone. A server that is gone or hung
 * is found by outageAwarePool's probe within about 4 s, however long its queries may run.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
// The server reports its own statement_timeout first; the client's is a last resort for a
// connection that went silent while the server answers others (a half-open socket).
const CLIENT_GRACE_MS = 30_000;
// A health probe (outageAwarePool) answers within 4 s, or the database counts as away.
const PROBE_CONNECT_TIMEOUT_MS = 2_500;
const PROBE_QUERY_TIMEOUT_MS = 1_500;

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the configured engine; the rest of the code never asks which one it got, except for raw SQL. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (isPostgresUrl(options.databaseUrl)) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): DatabaseHandle {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 4000');
  // WAL + NORMAL is durable across application crashes and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  // 2 MiB of pages (SQLite's own default), resident for good once filled. The OS caches the file as
  // well, so a miss costs a copy from the page cache, not a disk read. At 8 MiB the API process's
  // main malloc arena held ~16 MiB under the memory bench's load instead of ~12.
  sqlite.pragma('cache_size = -2048');
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint every ~8 MiB of WAL (default: 4 MiB). The checkpoint runs inside a COMMIT and
  // stalls the event loop while it copies pages back: larger checkpoints stalled door scans for
  // 25–30 ms every few seconds, smaller ones cost throughput. With group commit (write-transactions.ts)
  // measured: door-pace p99 12.6 ms (vs 16–27 ms at ~40 MiB), hot-tier orders unchanged (1,740–2,200/s).
  sqlite.pragma('wal_autocheckpoint = 2000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', warmUp: async () => undefined, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; with SQLite, preparing costs as much as running a point
 * query. Our SQL texts are few (parameters are bound, never inlined), so keep their statements.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SqliteStatement>();
  const guard = rollbackGuard(sqlite);
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string): SqliteStatement {
      const skipped = guard.skips(sqlText);
      if (skipped) return skipped;
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = guard.watch(sqlite.prepare(sqlText));
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * On SQLITE_FULL (also IOERR, BUSY, NOMEM) SQLite may roll the whole transaction back by itself.
 * The statements that follow would then run outside any transaction, and the ROLLBACK that Kysely
 * or group commit sends fails with "no transaction is active", hiding the real error (a full disk
 * would read as a bug, a 500). So after such a silent rollback every statement fails with the
 * error that caused it, and the next ROLLBACK just ends that state.
 */
function rollbackGuard(sqlite: SQLite.Database) {
  let abortedBy: unknown = null;
  const done: SqliteStatement = {
    reader: false,
    all: () => [],
    run: () => ({ changes: 0, lastInsertRowid: 0 }),
    iterate: () => [][Symbol.iterator](),
  };
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      if (abortedBy) throw abortedBy;
      const inTransaction = sqlite.inTransaction;
      try {
        return run(...args);
      } catch (error) {
        if (inTransaction && !sqlite.inTransaction) abortedBy = error;
        throw error;
      }
    };
  return {
    /** A stand-in for `sqlText` while a silent rollback is pending, or null to prepare it as usual. */
    skips(sqlText: string): SqliteStatement | null {
      if (!abortedBy || !/^\s*rollback\s*;?\s*$/i.test(sqlText)) return null;
      abortedBy = null;
      return done;
    },
    watch(statement: SQLite.Statement): SqliteStatement {
      return {
        reader: statement.reader,
        all: guarded((parameters: ReadonlyArray<unknown>) => statement.all(parameters)),
        run: guarded((parameters: ReadonlyArray<unknown>) => statement.run(parameters)),
        iterate: guarded((parameters: ReadonlyArray<unknown>) => statement.iterate(parameters)),
      };
    },
  };
}

// pg loads only where PostgreSQL is used; openDatabase stays synchronous, hence require.
const require = createRequire(import.meta.url);

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pgLib = require('pg') as typeof pg;
  const max = options.poolSize ?? 10;
  const queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  // COUNT(*) and SUM(int) come back as int8; our figures fit in a double, so read them as numbers.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === pgLib.types.builtins.INT8 || oid === pgLib.types.builtins.NUMERIC
        ? (value: string) => Number(value)
        : pgLib.types.getTypeParser(oid, format),
  };
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  // Opening a connection is bounded, waiting for a busy pool's free one is not (that is load; an
  // outage fails the waiters at once: outageAwarePool). pg-pool's own connectionTimeoutMillis
  // would bound both, so the bound goes on the connections it opens.
  class BoundedClient extends pgLib.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const pool = new pgLib.Pool({
    Client: BoundedClient,
    connectionString: url,
    max,
    // `min`: idle connections are kept, not closed after 10 s, so a door that pauses for a minute
    // does not pay connection set-up (and a new backend's cold caches) on its next rush.
    min: max,
    types: types as pg.CustomTypesConfig,
    ...(queryTimeoutMs > 0
      ? { statement_timeout: queryTimeoutMs, query_timeout: queryTimeoutMs + CLIENT_GRACE_MS }
      : {}),
    // A server that vanished without closing the socket is noticed on idle connections too.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle pooled connection can die (server restart, admin termination); without a listener
  // that 'error' event would crash the process. The pool replaces the connection on next use.
  pool.on('error', (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: outageAwarePool(pool, {
        openProbe: () =>
          new pgLib.Client({
            connectionString: url,
            connectionTimeoutMillis: Math.min(connectTimeoutMs, PROBE_CONNECT_TIMEOUT_MS),
            query_timeout: PROBE_QUERY_TIMEOUT_MS,
          }),
      }),
    }),
  });
  const warmUp = async () => {
    const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    await Promise.all(clients.map((client) => client.query('select 1')));
    for (const client of clients) client.release();
  };
  return { db, engine: 'postgres', warmUp, close: () => db.destroy() };
}
