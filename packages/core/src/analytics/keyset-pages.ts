import { sql } from 'kysely';

// Exports read their rows in pages by keyset, so an export of 100,000 rows never holds them all in
// memory and each page is one index range read.

export interface CsvExport {
  filename: string;
  lines: AsyncIterable<string>;
}

/** Rows after (value, id) in (column, id) order: the keyset condition of the next page. */
export function after(column: string, idColumn: string, value: string, id: string) {
  return sql<boolean>`(${sql.ref(column)} > ${value} or (${sql.ref(column)} = ${value} and ${sql.ref(idColumn)} > ${id}))`;
}

/** Every row of a keyset-paged query: each page starts after the last row of the one before. */
export async function* keysetPages<Row>(
  page: (after: Row | null) => Promise<Row[]>,
  size: number,
  onPage?: (rows: Row[]) => Promise<void>,
): AsyncGenerator<Row> {
  let after: Row | null = null;
  for (;;) {
    const rows = await page(after);
    await onPage?.(rows);
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!;
  }
}
