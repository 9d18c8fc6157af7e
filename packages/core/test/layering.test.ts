import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The core's areas depend one way. The order is the one ARCHITECTURE.md writes down, read from
// there so the document and the check cannot drift apart.
const SRC = path.join(import.meta.dirname, '../src');
const ARCHITECTURE = path.join(import.meta.dirname, '../../../ARCHITECTURE.md');

function layerOrder(): string[] {
  const text = readFileSync(ARCHITECTURE, 'utf8');
  const line = /^Core layers, lowest first: (.+)$/m.exec(text);
  if (!line) throw new Error('ARCHITECTURE.md has no "Core layers, lowest first:" line');
  return line[1]!.split('→').map((area) => area.trim().replace(/`/g, ''));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, as TypeScript itself reads them. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

function areaOf(file: string): string | null {
  const relative = path.relative(SRC, file).split(path.sep);
  return relative.length > 1 ? relative[0]! : null;
}

/** Which area imports break the order: "orders/x.ts imports checkin/y". */
function upwardImports(order: string[]): string[] {
  const rank = new Map(order.map((area, index) => [area, index]));
  const offending: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = areaOf(file);
    if (from === null) continue; // index.ts re-exports every area by design
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const to = areaOf(path.resolve(path.dirname(file), specifier));
      if (to === null || to === from) continue;
      const fromRank = rank.get(from);
      const toRank = rank.get(to);
      if (fromRank === undefined || toRank === undefined || toRank > fromRank) {
        offending.push(`${path.relative(SRC, file)} imports ${to}/ (${specifier})`);
      }
    }
  }
  return offending;
}

describe('core layering', () => {
  it('lists every area of packages/core/src in ARCHITECTURE.md', () => {
    const areas = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...layerOrder()].sort()).toEqual(areas);
  });

  it('has no area importing one that sits above it', () => {
    expect(upwardImports(layerOrder())).toEqual([]);
  });

  it('catches an upward import when the order is reversed', () => {
    // Proves the scan sees imports at all: reading the order backwards must find offenders.
    expect(upwardImports([...layerOrder()].reverse()).length).toBeGreaterThan(10);
  });
});

// A migration runs against every database, years after it was written: it must not change when
// the domain code around it does, so it carries its own SQL and imports no domain module.
const MIGRATIONS = path.join(SRC, 'db/migrations');
const MIGRATION_MAY_IMPORT = [/^kysely$/, /^node:/, /^\.\.\/engine-of$/, /^\.\/\d{3}-[\w-]+$/];

describe('migrations', () => {
  it('import nothing but Kysely, Node built-ins, the engine check and each other', () => {
    const offending = sourceFiles(MIGRATIONS).flatMap((file) =>
      importsOf(file)
        .filter((from) => !MIGRATION_MAY_IMPORT.some((pattern) => pattern.test(from)))
        .map((from) => `${path.basename(file)} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });
});
