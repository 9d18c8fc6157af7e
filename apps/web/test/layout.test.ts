import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The web app's layout (apps/web/README.md): routes in app/ render features; features build on
// components/ and lib/; those two never reach up into a feature or a route.
const WEB = path.join(import.meta.dirname, '..');
const MAY_NOT_IMPORT: Record<string, string[]> = {
  lib: ['components', 'features', 'app'],
  components: ['features', 'app'],
  features: ['app'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The top folder of apps/web an import lands in, or null for packages. */
function folderOf(fromFile: string, specifier: string): string | null {
  const target = specifier.startsWith('@/')
    ? path.join(WEB, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(fromFile), specifier)
      : null;
  return target ? path.relative(WEB, target).split(path.sep)[0]! : null;
}

/** Every import of the files in `folder`, as "file imports specifier" with the folder it lands in. */
function importsFrom(folder: string): { line: string; lands: string | null }[] {
  return sourceFiles(path.join(WEB, folder)).flatMap((file) =>
    ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => ({
      line: `${path.relative(WEB, file)} imports ${imported.fileName}`,
      lands: folderOf(file, imported.fileName),
    })),
  );
}

function upwardImports(): string[] {
  return Object.entries(MAY_NOT_IMPORT).flatMap(([folder, forbidden]) =>
    importsFrom(folder)
      .filter(({ lands }) => lands !== null && forbidden.includes(lands))
      .map(({ line }) => line),
  );
}

describe('web layout', () => {
  it('keeps lib/ and components/ below the features, and features below the routes', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('sees the imports it judges (features do use lib/ and components/)', () => {
    const down = importsFrom('features').filter(({ lands }) => lands === 'lib' || lands === 'components');
    expect(down.length).toBeGreaterThan(50);
  });
});
