import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeferredAudit, type Db } from '../src/index';
import { createTestDatabase, type TestDatabase } from '../src/testing';

const clock = { now: () => new Date('2026-12-02T12:00:00Z') };

/** A database that refuses every insert, as one does while it is away. */
const awayDatabase = {
  insertInto: () => ({
    values: () => ({
      execute: () => Promise.reject(new Error('connection terminated')),
    }),
  }),
} as unknown as Db;

describe('refused-scan audit entries during a database outage', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database.close());

  it('keeps the entries a failed flush could not write and writes them at the next one', async () => {
    const audit = new DeferredAudit(clock);
    for (let i = 0; i < 3; i++)
      audit.push({ actorId: null, action: 'ticket.scan_refused', details: { n: i } });

    await expect(audit.flush(awayDatabase)).rejects.toThrow('connection terminated');
    expect(audit.size).toBe(3);
    audit.push({ actorId: null, action: 'ticket.scan_refused', details: { n: 3 } });

    expect(await audit.flush(database.db)).toBe(4);
    expect(audit.size).toBe(0);
    const written = await database.db.selectFrom('audit_log').select('details').execute();
    expect(written.map((row) => JSON.parse(row.details as string) as { n: number })).toEqual([
      { n: 0 },
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
  });
});
