import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Db } from '@eventhub/core';

/**
 * Reads a running server's SQLite file beside it: read-only, so the server stays its one writer
 * (WAL lets a reader in without blocking it).
 */
export function readOnlySqlite(file: string): { db: Db; close(): Promise<void> } {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 4000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, close: () => db.destroy() };
}
