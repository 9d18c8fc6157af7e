import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of';

// Event search: full-text on each engine's own index over three stored columns of folded words
// (lower-case, accents removed), which the application derives on every event write
// (events/event-columns.ts). Folding in JavaScript makes both engines find exactly alike and needs
// no extension (`unaccent` is not always installed). The index follows those columns by itself:
//   SQLite: an FTS5 table kept by triggers on events (insert, change of a search column, delete);
//   PostgreSQL: a stored generated tsvector with a GIN index.
// Ranking reads the folded name and place columns (events/search-events.ts), alike on both engines.
// Status is never indexed: search joins events and filters on it, so publishing and cancelling
// need nothing here.
//
// Frozen in time like every migration: the backfill folds words with its own copy of the rules of
// events/search-words.ts as they stood, not by calling them.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

function fold(...texts: (string | null)[]): string {
  return texts
    .flatMap((text) => {
      const folded = (text ?? '')
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g'), (c) => FOLDS[c]!);
      return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 40));
    })
    .join(' ');
}

interface EventText {
  id: string;
  name: string;
  description: string;
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
}

const SQLITE_INDEX = [
  // Rows are found by event id, not by events' rowid, which VACUUM may renumber. (A contentless
  // table would save the copy of the words, but SQLite 3.53 leaves one of its shadow tables behind
  // on DROP TABLE; the plain kind is the well-trodden one.)
  `CREATE VIRTUAL TABLE event_search USING fts5(event_id UNINDEXED, words,
     tokenize='unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER event_search_insert AFTER INSERT ON events BEGIN
     INSERT INTO event_search (event_id, words)
     VALUES (new.id, new.search_name || ' ' || new.search_place || ' ' || new.search_description);
   END`,
  `CREATE TRIGGER event_search_update AFTER UPDATE OF search_name, search_place, search_description ON events
   WHEN old.search_name IS NOT new.search_name OR old.search_place IS NOT new.search_place
     OR old.search_description IS NOT new.search_description
   BEGIN
     DELETE FROM event_search WHERE event_id = old.id;
     INSERT INTO event_search (event_id, words)
     VALUES (new.id, new.search_name || ' ' || new.search_place || ' ' || new.search_description);
   END`,
  `CREATE TRIGGER event_search_delete AFTER DELETE ON events BEGIN
     DELETE FROM event_search WHERE event_id = old.id;
   END`,
  `INSERT INTO event_search (event_id, words)
   SELECT id, search_name || ' ' || search_place || ' ' || search_description FROM events`,
  // Each match is checked against its event's status and filters, and ranked on its name and place
  // words, from this index alone: reading the wide event rows (descriptions) made a common word's
  // search (2,500 matches of 10,000) about twice as slow.
  `CREATE INDEX events_search_filter_idx
     ON events (id, status, listed_until, starts_at, city_key, search_name, search_place)`,
];

const POSTGRES_INDEX = [
  `ALTER TABLE events ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
     to_tsvector('simple', search_name || ' ' || search_place || ' ' || search_description)) STORED`,
  // fastupdate off: new entries go straight into the index instead of a pending list that every
  // search scans linearly until a vacuum merges it (after seeding 10,000 events a two-word search
  // took 30 ms in the list against 0.1 ms in the index). Event writes are rare; searches are not.
  `CREATE INDEX events_search_idx ON events USING gin (search_vector) WITH (fastupdate = off)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  for (const column of ['search_name', 'search_place', 'search_description'])
    await db.schema
      .alterTable('events')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();

  const { rows } = await sql<EventText>`
    SELECT id, name, description, venue_name, venue_address, venue_city FROM events`.execute(db);
  for (const e of rows)
    await sql`UPDATE events SET search_name = ${fold(e.name)},
      search_place = ${fold(e.venue_name, e.venue_city, e.venue_address)},
      search_description = ${fold(e.description)} WHERE id = ${e.id}`.execute(db);

  for (const statement of engineOf(db) === 'postgres' ? POSTGRES_INDEX : SQLITE_INDEX)
    await sql.raw(statement).execute(db);
}
