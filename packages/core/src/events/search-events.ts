import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DbOrTx } from '../db/database';
import { engineOf } from '../db/engine-of';
import type { Database, EventRow } from '../db/schema';
import { pageWindow, type Page, type PageQuery } from '../shared/pagination';

/** What a search asks of the full-text index: every word must match, the last one perhaps as a prefix. */
export interface WordMatch {
  /** Distinct folded words (search-words.ts), at least one: letters and digits only. */
  words: string[];
  /** Let the last word match any indexed word it begins ("harb" finds "harbour"). */
  prefixLast: boolean;
}

/**
 * Narrows a query on `events` to the events that contain every word, through the engine's
 * full-text index over the folded search columns (migration 011): SQLite's FTS5 table, joined so
 * that the few matches drive the query, or PostgreSQL's GIN-indexed tsvector. The words hold only
 * letters and digits, so quoting them is all either query language needs.
 */
export function whereMatches<O>(
  db: DbOrTx,
  query: SelectQueryBuilder<Database, 'events', O>,
  { words, prefixLast }: WordMatch,
): SelectQueryBuilder<Database, 'events', O> {
  const last = words.length - 1;
  if (engineOf(db) === 'postgres') {
    const tsquery = words.map((w, i) => (prefixLast && i === last ? `${w}:*` : w)).join(' & ');
    return query.where(sql<boolean>`events.search_vector @@ to_tsquery('simple', ${tsquery})`);
  }
  const match = words.map((w, i) => `"${w}"${prefixLast && i === last ? '*' : ''}`).join(' ');
  const hits = sql<{
    event_id: string;
  }>`(SELECT event_id FROM event_search WHERE event_search MATCH ${match})`;
  // The join adds no column to the result, only rows to leave out; callers go on with events alone.
  return query.innerJoin(hits.as('m'), 'm.event_id', 'events.id') as unknown as SelectQueryBuilder<
    Database,
    'events',
    O
  >;
}

/**
 * How well an event matches, the same on both engines: per word 8 if it is in the name, else 4 if
 * in the venue, city or address, else 1 (it matched, so it is in the description). A whole-word
 * test on the short folded columns; LIKE needs no escaping, as words have no `%` or `_`.
 */
export function matchRank({ words, prefixLast }: WordMatch): RawBuilder<number> {
  const last = words.length - 1;
  const scores = words.map((w, i) => {
    const pattern = prefixLast && i === last ? `% ${w}%` : `% ${w} %`;
    return sql`CASE WHEN ' ' || events.search_name || ' ' LIKE ${pattern} THEN 8
      WHEN ' ' || events.search_place || ' ' LIKE ${pattern} THEN 4 ELSE 1 END`;
  });
  return sql<number>`(${sql.join(scores, sql` + `)})`;
}

/**
 * One page of the events `matches` (a query on `events` narrowed by whereMatches and the filters)
 * finds, best first (matchRank, then soonest, then id), and how many it finds. Only the given
 * columns are read: sorting the matches as whole rows (search columns and all) made the query
 * 5–30 % slower on both engines. (Ranking ids alone, then reading the page's rows by id, saved as
 * much on SQLite but cost PostgreSQL more planning than it saved on the usual handful of matches.)
 *
 * The total: a page shorter than asked for is the end of the matches and tells it itself; a full
 * page (or an empty one past the first) needs a count. SQLite counts only then, after the page.
 * PostgreSQL counts on a second connection while the page is sorted, as a common word's count
 * (2,500 matches: 3 ms) would otherwise add to its search; the extra query costs the few-match
 * searches nothing measurable. (A window count in the page query spools every match: slower.)
 */
export async function rankedPage<C extends keyof EventRow>(
  db: DbOrTx,
  matches: SelectQueryBuilder<Database, 'events', object>,
  match: WordMatch,
  query: PageQuery,
  columns: readonly C[],
): Promise<Page<Pick<EventRow, C>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const counted = async () => {
    const count = await matches.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number((count as { n: unknown }).n);
  };
  const [rows, counting] = await Promise.all([
    matches
      .select(columns.map((c) => `events.${c}` as const))
      .orderBy(matchRank(match), 'desc')
      .orderBy('events.starts_at')
      .orderBy('events.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    engineOf(db) === 'postgres' ? counted() : null,
  ]);
  // Kysely cannot follow a generic column list through the select; the rows are those columns.
  const items = rows as unknown as Pick<EventRow, C>[];
  const ended = items.length < pageSize && (items.length > 0 || offset === 0);
  const total = counting ?? (ended ? offset + items.length : await counted());
  return { items, page, pageSize, total };
}
