import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommit, transactionsFor, type Transact, type Tx } from '../src/index';
import { createTestDatabase, testEngines, type TestDatabase } from '../src/testing';

class NoRoom extends Error {}

/** The inventory's pattern in miniature: a conditional increment that fails when full. */
async function takeOne(tx: Tx): Promise<void> {
  const taken = await sql`update scratch_counter set n = n + 1 where id = 'c' and n + 1 <= lim`.execute(tx);
  if (Number(taken.numAffectedRows) !== 1) throw new NoRoom();
  await sql`insert into scratch_log (note) values ('taken')`.execute(tx);
}

const count = async (database: TestDatabase, table: 'scratch_log' | 'scratch_child') =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n,
  );

describe.each(testEngines())('write transactions on %s', (engine) => {
  let database: TestDatabase;
  let transact: Transact;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await sql`create table scratch_counter (id text primary key, n integer not null, lim integer not null)`.execute(
      database.db,
    );
    await sql`create table scratch_log (note text not null)`.execute(database.db);
    await sql`create table scratch_parent (id text primary key)`.execute(database.db);
    await sql`create table scratch_child (id text primary key, parent_id text not null references scratch_parent (id) deferrable initially deferred)`.execute(
      database.db,
    );
    await sql`insert into scratch_counter values ('c', 0, 50)`.execute(database.db);
    await sql`insert into scratch_parent values ('p')`.execute(database.db);
    transact = transactionsFor(database.db, engine);
  });
  afterAll(() => database.dispose());

  it('serves exactly the calls that fit, and a failed call leaves nothing behind', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => transact(takeOne)));
    const served = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof NoRoom).length;
    expect({ served, refused }).toEqual({ served: 50, refused: 150 });
    const counter = await sql<{ n: number }>`select n from scratch_counter`.execute(database.db);
    expect(Number(counter.rows[0]!.n)).toBe(50);
    // Each refused call got as far as nothing: no log rows beyond the served ones.
    expect(await count(database, 'scratch_log')).toBe(50);
  });

  it('resolves a call only once its writes are committed and visible outside it', async () => {
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transact((tx) => sql`insert into scratch_child values (${`visible-${i}`}, 'p')`.execute(tx)).then(
          async () =>
            (
              await sql<{
                n: number;
              }>`select count(*) as n from scratch_child where id = ${`visible-${i}`}`.execute(database.db)
            ).rows[0]!.n,
        ),
      ),
    );
    expect(seen.map(Number)).toEqual(Array(20).fill(1));
  });

  it('fails only the call whose writes break the commit, when calls share a commit', async () => {
    const before = await count(database, 'scratch_child');
    const calls = ['ok-1', 'orphan', 'ok-2', 'ok-3'].map((id) =>
      transact((tx) =>
        sql`insert into scratch_child values (${id}, ${id === 'orphan' ? 'missing' : 'p'})`.execute(tx),
      ),
    );
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await count(database, 'scratch_child')).toBe(before + 3);
  });
});

describe('group commit', () => {
  it('shares one COMMIT among the calls of one turn of the event loop', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eventhub-group-commit-'));
    const database = await createTestDatabase('sqlite', dir);
    const outsider = new SQLite(database.location, { readonly: true });
    try {
      const transact = groupCommit(database.db);
      await sql`create table scratch_log (note text not null)`.execute(database.db);
      const committedRows = outsider.prepare('select count(*) as n from scratch_log');
      // Another connection sees only committed rows: while the ten calls run, it sees none of
      // them, so they share one commit; afterwards it sees all ten.
      const seenOutside = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          transact(async (tx) => {
            await sql`insert into scratch_log values (${`call-${i}`})`.execute(tx);
            return (committedRows.get() as { n: number }).n;
          }),
        ),
      );
      expect(seenOutside).toEqual(Array(10).fill(0));
      expect((committedRows.get() as { n: number }).n).toBe(10);
    } finally {
      outsider.close();
      await database.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
