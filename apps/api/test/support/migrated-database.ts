import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type Engine } from '@eventhub/core';
import pg from 'pg';
import { migratorFor } from '../../../../packages/core/src/db/migrate';

export interface OldDatabase {
  handle: DatabaseHandle;
  drop: () => Promise<void>;
}

/**
 * A fresh database of `engine` migrated only up to `last` (e.g. '008-refund-jobs'): what a
 * deployment of that release holds, for tests of the migrations after it.
 */
export async function databaseMigratedTo(engine: Engine, last: string): Promise<OldDatabase> {
  let handle: DatabaseHandle;
  let drop = async () => undefined;
  const tag = last.slice(0, 3);
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), `eventhub-${tag}-`));
    handle = openDatabase({ sqliteFile: path.join(dir, 'db.sqlite') });
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `eventhub_${tag}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    drop = async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const migrator = migratorFor(handle.db);
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
  return { handle, drop };
}
