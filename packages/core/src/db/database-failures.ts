/**
 * Which failures mean "the database is away or full" rather than "our code is wrong": the API
 * answers the first kind 503 `database_unavailable` or 507 `storage_full` with Retry-After, and
 * the second a logged 500. Identified by SQLSTATE / SQLite result code wherever the driver gives
 * one; the PostgreSQL driver's own transport failures carry no code, so the pool wrapper in
 * database.ts tags them as `DatabaseUnreachableError` at the one place we know they came from it.
 */
export type DatabaseFailure = 'unavailable' | 'storage_full';

/** A PostgreSQL connection could not be had or was lost mid-query (refused, reset, timed out, hung). */
export class DatabaseUnreachableError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnreachableError';
  }
}

// PostgreSQL SQLSTATEs (Appendix A of its manual).
const POSTGRES_STORAGE_FULL = new Set(['53100']); // disk_full
const POSTGRES_UNAVAILABLE = new Set([
  '53000', // insufficient_resources
  '53200', // out_of_memory
  '53300', // too_many_connections
  '57014', // query_canceled: our statement_timeout ran out
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '57P05', // idle_session_timeout
]);

/** What kind of database failure `error` is (looking through `cause`), or null for any other error. */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof DatabaseUnreachableError) return 'unavailable';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      // better-sqlite3 gives extended result codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE …).
      if (code === 'SQLITE_FULL' || POSTGRES_STORAGE_FULL.has(code)) return 'storage_full';
      if (/^SQLITE_(BUSY|IOERR)(_|$)/.test(code)) return 'unavailable';
      if (POSTGRES_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

// node-postgres reports these with a plain Error and no code (pg/lib/client.js, pg-pool/index.js).
const PG_TRANSPORT_MESSAGES = [
  'Query read timeout',
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether an error thrown by node-postgres is its transport failing (socket errors, its own
 * timeouts, a connection that ended) rather than the server answering with an error.
 */
export function isPostgresTransportFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  // A Node system error (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, ENOTFOUND …).
  if (typeof syscall === 'string' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code))) return true;
  return PG_TRANSPORT_MESSAGES.includes(error.message);
}
