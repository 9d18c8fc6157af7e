import { sql, type ControlledTransaction } from 'kysely';
import type { Db, Engine, Tx } from './database';
import type { Database } from './schema';

/** Runs `work` in a transaction and settles with its result once that result is committed. */
export type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** One database transaction per call: PostgreSQL runs concurrent ones side by side. */
export function plainTransactions(db: Db): Transact {
  return (work) => db.transaction().execute(work);
}

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite, where one connection runs every transaction one after another anyway:
 * the calls that arrive in the same turn of the event loop share one transaction, each inside its
 * own savepoint, and one COMMIT. A call that throws is rolled back to its savepoint alone and
 * rejected; the rest resolve only after the shared COMMIT, so nothing is reported before it is
 * durable. The gain is in the commit: a hot event's counter page, the tail of the orders and audit
 * tables are written to the WAL once per batch instead of once per call.
 *
 * `work` must use only the `tx` it is given (as with any SQLite transaction here: the connection
 * is held until the batch commits) and must not wait for another call of the same batcher.
 */
export function groupCommit(db: Db, maxBatch = 100): Transact {
  let queue: Job[] = [];
  let scheduled = false;

  /** Runs the jobs in one transaction, or again one by one if that transaction as a whole fails. */
  async function runBatch(jobs: Job[]): Promise<void> {
    const failure = await tryBatch(jobs);
    if (!failure) return;
    // One job can sink a shared COMMIT (a deferred foreign key, say): when several shared it,
    // run them again one by one so only the job at fault fails. Work is a pure database function
    // of its transaction (as when PostgreSQL retries one), so running it again is safe.
    if (failure.retry.length > 1) for (const job of failure.retry) await runBatch([job]);
    else for (const job of failure.retry) job.reject(failure.error);
  }

  async function tryBatch(jobs: Job[]): Promise<{ error: unknown; retry: Job[] } | null> {
    const committed: { job: Job; value: unknown }[] = [];
    let current: Job | null = null;
    let trx: ControlledTransaction<Database> | null = null;
    try {
      trx = await db.startTransaction().execute();
      for (const job of jobs) {
        current = job;
        await sql`savepoint batched_write`.execute(trx);
        try {
          committed.push({ job, value: await job.work(trx) });
        } catch (error) {
          await sql`rollback to savepoint batched_write`.execute(trx);
          current = null;
          job.reject(error);
        }
        await sql`release savepoint batched_write`.execute(trx);
        current = null;
      }
      await trx.commit().execute();
    } catch (error) {
      // The savepoint bookkeeping or the COMMIT itself failed: nothing of the batch is kept.
      await trx
        ?.rollback()
        .execute()
        .catch(() => undefined);
      const retry = committed.map((c) => c.job);
      if (current) retry.push(current);
      return { error, retry };
    }
    for (const { job, value } of committed) job.resolve(value);
    return null;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const jobs = queue.slice(0, maxBatch);
      queue = queue.slice(jobs.length);
      await runBatch(jobs);
    }
    scheduled = false;
  }

  return <T>(work: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (scheduled) return;
      scheduled = true;
      // Wait for the rest of this turn of the event loop: requests read in the same poll join.
      setImmediate(() => void drain());
    });
}

/** Group commit on SQLite (one writer), a transaction per call on PostgreSQL (many). */
export function transactionsFor(db: Db, engine: Engine): Transact {
  return engine === 'sqlite' ? groupCommit(db) : plainTransactions(db);
}
