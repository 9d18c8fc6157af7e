import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';

/** What a search asks of the word index: every word must match, the last one perhaps as a prefix. */
export interface WordMatch {
  /** Distinct normalised words (search-words.ts), at least one. */
  words: string[];
  /** Let the last word match any indexed word it begins ("harb" finds "harbour"). */
  prefixLast: boolean;
}

// Above every character, so [w, w + MAX_CHAR) holds exactly the words that start with w in byte
// (code point) order: SQLite's default and the "C" collation of the PostgreSQL column.
const MAX_CHAR = '\u{10FFFF}';

type Hits = SelectQueryBuilder<Database, 'event_search_terms', { event_id: string; score: number }>;

/** The events one word matches, each with the weight of the best field it matched in. */
function hitsOf(db: Db, word: string, prefix: boolean): Hits {
  const terms = db.selectFrom('event_search_terms');
  // A whole word is one row per event (the primary key is term, event), so no grouping is needed.
  if (!prefix) return terms.select(['event_id', 'weight as score']).where('term', '=', word);
  return terms
    .select((eb) => ['event_id', eb.fn.max<number>('weight').as('score')])
    .where('term', '>=', word)
    .where('term', '<', word + MAX_CHAR)
    .groupBy('event_id');
}

/**
 * The ids of events that match every word, with a score: the sum over the words of the best
 * field each was found in (search-index.ts FIELD_WEIGHTS), so name hits rank above venue and city
 * hits, and those above description-only hits. Join it to `events` for status and the filters.
 */
export function matchingEvents(db: Db, { words, prefixLast }: WordMatch) {
  const branches = words.map((word, i) => hitsOf(db, word, prefixLast && i === words.length - 1));
  const union = branches.slice(1).reduce<Hits>((all, next) => all.unionAll(next), branches[0]!);
  return db
    .selectFrom(union.as('hits'))
    .select((eb) => ['hits.event_id', eb.fn.sum<number>('hits.score').as('score')])
    .groupBy('hits.event_id')
    .having((eb) => eb.fn.countAll(), '=', words.length);
}
