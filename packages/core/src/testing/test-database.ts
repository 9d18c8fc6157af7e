import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/** The engines this test run covers: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  const only = process.env.TEST_ENGINES?.split(',').map((e) => e.trim()) as Engine[] | undefined;
  const all: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  return only ? all.filter((e) => only.includes(e)) : all;
}

export interface TestDatabase extends DatabaseHandle {
  /** A connection URL for other processes (PostgreSQL) or the file path (SQLite). */
  location: string;
  /** Drops what was created; safe to call twice. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database for one suite: a new PostgreSQL database, or a private SQLite file. */
export async function createTestDatabase(engine: Engine, sqliteDir?: string): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const file = sqliteDir ? `${sqliteDir}/test-${randomBytes(6).toString('hex')}.sqlite` : ':memory:';
    const handle = openDatabase({ sqliteFile: file });
    await migrateToLatest(handle.db);
    let disposed = false;
    return {
      ...handle,
      location: file,
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        await handle.close();
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `eventhub_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  await migrateToLatest(handle.db);
  let disposed = false;
  return {
    ...handle,
    location: url.toString(),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // The pool has ended, but the server may take a moment to reap its backends.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 20 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}
