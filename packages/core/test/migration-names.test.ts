import { describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations';
import { byCodeUnits } from '../src/db/code-unit-order';

// migrate.ts orders migrations by code units instead of Kysely's localeCompare (which loads ICU's
// collation tables): both must agree on every name, or a new name could run out of turn.
describe('migration names', () => {
  it('sort the same by code units as by localeCompare', () => {
    const names = Object.keys(migrations);
    const inCodeUnitOrder = [...names].sort(byCodeUnits);
    expect(inCodeUnitOrder).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(inCodeUnitOrder[0]).toMatch(/^001-/);
    expect(names.every((name) => /^\d{3}-[a-z0-9-]+$/.test(name))).toBe(true);
  });
});
