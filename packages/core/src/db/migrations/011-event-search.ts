import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of';

// Event search: an index of normalised words (lower-case, accents removed) kept by the application
// (events/search-index.ts), one row per distinct word of an event with the weight of the best field
// it appears in. One portable table and one query on both engines, with no extension needed.
//
// Frozen in time like every migration: the backfill folds and weighs words with its own copy of the
// rules of events/search-words.ts and search-index.ts as they stood, not by calling them.
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

function words(text: string | null): string[] {
  const folded = (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g'), (c) => FOLDS[c]!);
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 40));
}

interface EventText {
  id: string;
  name: string;
  description: string;
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
}

function termsOf(e: EventText): Map<string, number> {
  const terms = new Map<string, number>();
  const fields: [string | null, number][] = [
    [e.name, 8],
    [e.venue_name, 4],
    [e.venue_city, 4],
    [e.venue_address, 2],
    [e.description, 1],
  ];
  for (const [text, weight] of fields)
    for (const w of words(text)) terms.set(w, Math.max(terms.get(w) ?? 0, weight));
  return terms;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  // Prefix search is a range scan on `term`; byte order ("C") makes [w, w + U+10FFFF) exactly the
  // words starting with w whatever the database's locale. SQLite compares bytes already.
  let table = db.schema
    .createTable('event_search_terms')
    .addColumn('term', postgres ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_search_terms_pk', ['term', 'event_id']);
  // SQLite: the table is its primary key, so a word's lookup reads event ids and weights in one place.
  if (!postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  // Re-indexing an event, and the cascade when one is deleted, find its rows by event.
  await db.schema
    .createIndex('event_search_terms_event_idx')
    .on('event_search_terms')
    .column('event_id')
    .execute();

  const { rows } = await sql<EventText>`
    SELECT id, name, description, venue_name, venue_address, venue_city FROM events`.execute(db);
  for (const event of rows) {
    const values = [...termsOf(event)].map(([term, weight]) => sql`(${term}, ${event.id}, ${weight})`);
    for (let i = 0; i < values.length; i += 300)
      await sql`INSERT INTO event_search_terms (term, event_id, weight) VALUES ${sql.join(
        values.slice(i, i + 300),
      )}`.execute(db);
  }
}
