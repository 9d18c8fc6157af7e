import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DbOrTx } from '../db/database';
import { engineOf } from '../db/engine-of';
import type { Database } from '../db/schema';

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
