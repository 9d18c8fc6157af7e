import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin, systemClock } from '../src/index';
import { createTestDatabase, testEngines, type TestDatabase } from '../src/testing';

// Several API processes (or replicas) start at once with the same ADMIN_EMAIL.
describe.each(testEngines())('ensureAdmin racing itself on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('creates the admin once and lets every other starter carry on', async () => {
    const deps = { db: database.db, clock: systemClock };
    const input = { email: 'Root@Example.com', password: 'a long and unusual passphrase 7' };
    const results = await Promise.all([1, 2, 3, 4].map(() => ensureAdmin(deps, input)));

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
    const admins = await database.db
      .selectFrom('users')
      .select('role')
      .where('email', '=', 'root@example.com')
      .execute();
    expect(admins).toEqual([{ role: 'admin' }]);
  });
});
