import type { DbOrTx } from '../db/database';
import type { EventRow } from '../db/schema';
import { searchWords } from './search-words';

/**
 * How much a word found in each field counts towards an event's rank: a hit in the name beats
 * one in the venue or city, which beats one in the address, which beats one in the description.
 */
export const FIELD_WEIGHTS = { name: 8, venue: 4, city: 4, address: 2, description: 1 } as const;

type SearchableFields = Pick<
  EventRow,
  'name' | 'description' | 'venue_name' | 'venue_address' | 'venue_city'
>;

/** Each distinct word of the event's searchable fields with the weight of the best field it is in. */
export function searchTermsOf(event: SearchableFields): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string | null, weight: number) => {
    for (const word of searchWords(text ?? '')) terms.set(word, Math.max(terms.get(word) ?? 0, weight));
  };
  add(event.name, FIELD_WEIGHTS.name);
  add(event.venue_name, FIELD_WEIGHTS.venue);
  add(event.venue_city, FIELD_WEIGHTS.city);
  add(event.venue_address, FIELD_WEIGHTS.address);
  add(event.description, FIELD_WEIGHTS.description);
  return terms;
}

/** True when a change to these columns can change what the event is found by. */
export function touchesSearchFields(changes: Partial<SearchableFields>): boolean {
  return (['name', 'description', 'venue_name', 'venue_address', 'venue_city'] as const).some(
    (field) => changes[field] !== undefined,
  );
}

// Rows per INSERT: 3 parameters each, far below either engine's parameter limit.
const BATCH = 300;

/**
 * Rewrites the event's entries in the word index (event_search_terms). Call it inside the
 * transaction that writes the event's text, so the index never disagrees with a committed event.
 * Status needs no entry: search joins the events table and filters on its status, so publishing,
 * unpublishing and cancelling need no re-index; deleting an event cascades to its entries.
 */
export async function indexEventForSearch(
  tx: DbOrTx,
  event: SearchableFields & { id: string },
): Promise<void> {
  await tx.deleteFrom('event_search_terms').where('event_id', '=', event.id).execute();
  const rows = [...searchTermsOf(event)].map(([term, weight]) => ({ event_id: event.id, term, weight }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx
      .insertInto('event_search_terms')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}
