import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A migration runs against every database, years after it was written: it must not change when
// the domain code around it does, so it carries its own SQL and imports no domain module.
const MIGRATIONS = path.join(import.meta.dirname, '../src/db/migrations');
const ALLOWED = [/^kysely$/, /^node:/, /^\.\.\/engine-of$/, /^\.\/\d{3}-[\w-]+$/];

describe('migrations', () => {
  it('import nothing but Kysely, Node built-ins, the engine check and each other', () => {
    const offending: string[] = [];
    for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(MIGRATIONS, file), 'utf8');
      for (const [, from] of source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)) {
        if (!ALLOWED.some((pattern) => pattern.test(from!))) offending.push(`${file} imports ${from}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
