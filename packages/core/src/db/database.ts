import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
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
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the configured engine; the rest of the code never asks which one it got, except for raw SQL. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (isPostgresUrl(options.databaseUrl)) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): DatabaseHandle {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across application crashes and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  // 8 MiB of pages per connection (the OS caches the file too). It is resident memory for good once
  // filled; 64 MiB made no measurable difference on the bench machine (2 cores, shared, noisy):
  // hot-tier orders 876 and 797/s at 8 MiB vs 350 and 684/s at 64 MiB; door-pace scans p50 8 and
  // 66 ms vs 93 and 16 ms; flat-out scans 665 and 586/s vs 437 and 901/s (alternating runs).
  sqlite.pragma('cache_size = -8192');
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
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, max: number): DatabaseHandle {
  // COUNT(*) and SUM(int) come back as int8; our figures fit in a double, so read them as numbers.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format),
  };
  // `min`: idle connections are kept, not closed after 10 s, so a door that pauses for a minute
  // does not pay connection set-up (and a new backend's cold caches) on its next rush.
  const pool = new pg.Pool({ connectionString: url, max, min: max, types: types as pg.CustomTypesConfig });
  // An idle pooled connection can die (server restart, admin termination); without a listener
  // that 'error' event would crash the process. The pool replaces the connection on next use.
  pool.on('error', (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const warmUp = async () => {
    const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    await Promise.all(clients.map((client) => client.query('select 1')));
    for (const client of clients) client.release();
  };
  return { db, engine: 'postgres', warmUp, close: () => db.destroy() };
}
