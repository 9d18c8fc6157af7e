import { expect, it } from 'vitest';
import {
  logIn,
  makeEvent,
  makePublishedEvent,
  signInAdmin,
  signUp,
  type SignedIn,
} from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const HOUR = 3_600_000;

function publish(env: TestEnv, who: SignedIn, eventId: string) {
  return env.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/publish`,
    headers: bearer(who.accessToken),
  });
}

function at(env: TestEnv, offsetMs: number): string {
  return new Date(env.clock.now().getTime() + offsetMs).toISOString();
}

describeEachEngine('publishing an event whose start is past', (env) => {
  it('refuses a start in the past or right now with 409 starts_in_past, and publishes once moved ahead', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const startsAt = at(env(), -2 * HOUR);
    const event = await makeEvent(env(), organizer, { startsAt });

    const refused = await publish(env(), organizer, event.id);
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ status: 409, code: 'starts_in_past', startsAt });
    expect(String(json(refused).detail)).toMatch(/past/);

    const still = await env().app.inject({
      method: 'GET',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(json(still)).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` })).statusCode).toBe(404);

    // Exactly now is not ahead either.
    const now = await makeEvent(env(), organizer, { startsAt: at(env(), 0) });
    expect(json(await publish(env(), organizer, now.id)).code).toBe('starts_in_past');

    const moved = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: { startsAt: at(env(), HOUR) },
    });
    expect(moved.statusCode).toBe(200);
    const published = await publish(env(), organizer, event.id);
    expect(published.statusCode).toBe(200);
    expect(json(published)).toMatchObject({ status: 'published' });
  });

  it('goes by the server clock: a draft whose start passed while it waited is refused', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer, { startsAt: at(env(), HOUR) });
    env().clock.advance(HOUR + 1000);
    const again = await logIn(env(), organizer.user.email, organizer.password);
    const refused = await publish(env(), again, event.id);
    expect(refused.statusCode).toBe(409);
    expect(json(refused).code).toBe('starts_in_past');
  });

  it('refuses an admin too, and a past event taken off sale cannot go back on', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const admin = await signInAdmin(env());
    const past = await makeEvent(env(), organizer, { startsAt: at(env(), -HOUR) });
    expect(json(await publish(env(), admin, past.id)).code).toBe('starts_in_past');

    const event = await makePublishedEvent(env(), organizer, {}, 1);
    env().clock.advance(2 * 86_400_000);
    const again = await logIn(env(), organizer.user.email, organizer.password);
    const unpublished = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/unpublish`,
      headers: bearer(again.accessToken),
    });
    expect(json(unpublished)).toMatchObject({ status: 'draft' });
    expect(json(await publish(env(), again, event.id)).code).toBe('starts_in_past');
  });

  it('still says not_publishable first when there is no start date at all', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    expect(json(await publish(env(), organizer, event.id)).code).toBe('not_publishable');
  });

  it('writes no audit entry for a refused publish', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const admin = await signInAdmin(env());
    const event = await makeEvent(env(), organizer, { startsAt: at(env(), -HOUR) });
    expect((await publish(env(), organizer, event.id)).statusCode).toBe(409);
    const log = await env().app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?action=event.published&pageSize=100`,
      headers: bearer(admin.accessToken),
    });
    const entries = json<{ items: { targetId: string }[] }>(log).items;
    expect(entries.some((e) => e.targetId === event.id)).toBe(false);
  });
});
