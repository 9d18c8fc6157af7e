import { randomUUID } from 'node:crypto';
import {
  buyTickets,
  logIn,
  makePublishedEvent,
  uniqueEmail,
  type EventBody,
  type SignedIn,
} from './factories';
import { bearer, type TestEnv } from './test-env';

export interface Door {
  organizer: SignedIn;
  staff: SignedIn;
  event: EventBody;
}

/** An organizer with a published event and one door-staff account. */
export async function openDoor(
  env: TestEnv,
  organizer: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<Door> {
  const event = await makePublishedEvent(env, organizer, overrides);
  const email = uniqueEmail('door');
  const password = 'a long door staff password';
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/organizer/staff',
    headers: bearer(organizer.accessToken),
    payload: { email, name: 'Door Staff', password },
  });
  if (res.statusCode !== 201) throw new Error(`staff creation failed: ${res.statusCode} ${res.body}`);
  return { organizer, staff: await logIn(env, email, password), event };
}

/** Buys `quantity` tickets of the event's first tier; returns the paid order with its tickets. */
export async function ticketsFor(env: TestEnv, buyer: SignedIn, event: EventBody, quantity = 1) {
  const order = await buyTickets(env, buyer, {
    eventId: event.id,
    items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity }],
  });
  return { order, tickets: order.tickets! };
}

export function validate(env: TestEnv, who: SignedIn, body: Record<string, unknown>) {
  return env.app.inject({
    method: 'POST',
    url: '/api/tickets/validate',
    headers: bearer(who.accessToken),
    payload: { deviceId: 'door-1', nonce: randomUUID(), ...body },
  });
}
