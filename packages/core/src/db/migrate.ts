import { Migrator, type MigrationProvider } from 'kysely';
import { byCodeUnits } from './code-unit-order';
import type { Db } from './database';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

// Our names are zero-padded numbers first, so code-unit order is their order. Kysely's default,
// localeCompare, loads ICU's collation tables into every process (readyz asks on each probe).
/** The one way to build a Migrator over our migrations (the server's and the tests'). */
export const migratorFor = (db: Db) => new Migrator({ db, provider, nameComparator: byCodeUnits });

/** Applies every pending migration; throws (and the process refuses to start) if one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = migratorFor(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /readyz). */
export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  const migrator = migratorFor(db);
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
