import type { SelectQueryBuilder } from 'kysely';

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const MAX_PAGE_SIZE = 100;

/** Clamps paging input to the API's rules (page ≥ 1, 1 ≤ pageSize ≤ 100, default 20). */
export function pageWindow(query: PageQuery): { page: number; pageSize: number; offset: number } {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 20)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * One page of a list query and its total: `rowsOf` adds the columns and order to the filtered
 * `base`, which is also counted as it stands, so page and total always describe the same rows.
 */
export async function fetchPage<DB, TB extends keyof DB, Row>(
  base: SelectQueryBuilder<DB, TB, object>,
  query: PageQuery,
  rowsOf: (base: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<Page<Row>> {
  const { page, pageSize, offset } = pageWindow(query);
  const [items, count] = await Promise.all([
    rowsOf(base).limit(pageSize).offset(offset).execute(),
    // The count's row type does not survive the generic builder; its shape is known.
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: unknown }>,
  ]);
  return { items, page, pageSize, total: Number(count.n) };
}
