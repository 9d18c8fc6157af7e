import {
  createEvent,
  publishEvent,
  registerUser,
  type Actor,
  type EventDeps,
  type IdentityDeps,
} from '@eventhub/core';
import { seededRandom } from '@eventhub/core/testing';

const list = (items: string): string[] => items.split('|');

// Vocabularies for events that differ in every searchable field, so a search has real work to do:
// common words (jazz, festival) hit hundreds of events, rare combinations a handful.
const CITIES = list(
  'Berlin|Hamburg|München|Köln|Zürich|Genève|Wien|Paris|Lyon|Marseille|Lisbon|Porto|' +
    'Madrid|Málaga|Barcelona|Rome|Milano|Napoli|Kraków|Warsaw|Prague|Brno|København|Oslo|' +
    'Stockholm|Göteborg|Helsinki|Dublin|Amsterdam|Antwerp',
);
const ADJECTIVES = list(
  'Harbor|Summer|Winter|Midnight|Open Air|Underground|Grand|Little|Electric|Acoustic|' +
    'Late|Sunday|Rooftop|Riverside|Vintage|Modern|Baroque|Nordic|Urban|Café',
);
const TOPICS = list(
  'Jazz|Blues|Techno|Opera|Folk|Tech|Rust|Design|Startup|Food|Wine|Beer|Poetry|Comedy|' +
    'Film|Chess|Yoga|Photography|Theatre|Science',
);
const KINDS = list(
  'Night|Festival|Conference|Meetup|Summit|Session|Party|Workshop|Market|Gala|Tour|' +
    'Marathon|Concert|Showcase|Weekend',
);
const VENUES = list(
  'Harbour Hall|Old Mill|Kulturhaus|Town Hall|Warehouse 9|Glass Pavilion|Botanic Garden|' +
    'Salle Pleyel|Elbphilharmonie|Teatro Nuovo|The Loft|Riverside Arena|Kesselhaus|Dock 11',
);
const STREETS = list('Hafenstraße|Main Street|Rue de la Paix|Via Roma|Calle Mayor|Königsallee|Dockside');
const WORDS = list(
  'talks|music|food|friends|workshops|drinks|local|artists|bands|speakers|sunset|harbour|' +
    'views|community|family|kids|vegan|street|crêpes|dancing|vinyl|improv|keynote|panel|' +
    'networking|tasting|guided|walk|boat|fireworks|late|bar|garden',
);

/** Publishes `count` varied events (one tier each) through the real use cases; deterministic. */
export async function seedSearchableEvents(deps: IdentityDeps & EventDeps, count: number): Promise<void> {
  const random = seededRandom(16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const { user } = await registerUser(
    deps,
    {
      email: `search-organizer-${Date.now()}@example.test`,
      password: 'bench organizer password',
      name: 'Search Org',
      role: 'organizer',
    },
    { ip: '127.0.0.1' },
  );
  const actor: Actor = { userId: user.id, role: 'organizer', organizerId: user.id, sessionId: 'bench' };
  const start = deps.clock.now().getTime();
  // The inputs are drawn in order (deterministic); writing them 8 at a time keeps PostgreSQL's pool
  // busy, so 10,000 events seed within the bench's start-up limit even on a loaded machine.
  const inputs = Array.from({ length: count }, (_, i) => {
    const description = Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ');
    return {
      name: `${pick(ADJECTIVES)} ${pick(TOPICS)} ${pick(KINDS)} ${2026 + (i % 3)}`,
      description: `${description[0]!.toUpperCase()}${description.slice(1)}.`,
      startsAt: new Date(start + (i % 365) * 86_400_000 + 3_600_000).toISOString(),
      timezone: 'Europe/Berlin',
      venue: {
        name: pick(VENUES),
        address: `${pick(STREETS)} ${1 + Math.floor(random() * 120)}`,
        city: pick(CITIES),
        country: 'DE',
      },
      capacity: 500,
      ticketTypes: [{ name: 'Regular', price: 399, limit: 500 }],
    };
  });
  for (let i = 0; i < inputs.length; i += 8)
    await Promise.all(
      inputs.slice(i, i + 8).map(async (input) => {
        const event = await createEvent(deps, actor, input, { ip: null });
        await publishEvent(deps, actor, event.id, { ip: null });
      }),
    );
}
