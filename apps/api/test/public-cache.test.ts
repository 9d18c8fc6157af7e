import { expect, it } from 'vitest';
import { makePublishedEvent, signUp } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine(
  'public read cache',
  (env) => {
    it('serves anonymous reads from memory, drops them on any write, and never caches signed-in reads', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, { name: 'Cache Test' });
      const read = () => env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
      expect(json(await read()).name).toBe('Cache Test');

      // A change behind the API's back is not seen while the entry is fresh …
      await env()
        .ctx.db.updateTable('events')
        .set({ name: 'Changed Directly' })
        .where('id', '=', event.id)
        .execute();
      const cached = await read();
      expect(cached.headers['content-type']).toMatch(/application\/json/);
      expect(json(cached).name).toBe('Cache Test');
      // … but a signed-in reader bypasses the cache …
      const owner = await env().app.inject({
        method: 'GET',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
      });
      expect(json(owner).name).toBe('Changed Directly');
      // … and any write through the API clears it at once.
      const patch = await env().app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
        payload: { description: 'new' },
      });
      expect(patch.statusCode).toBe(200);
      expect(json(await read())).toMatchObject({ name: 'Changed Directly', description: 'new' });
    });
  },
  { env: { PUBLIC_CACHE_TTL_MS: '60000' } },
);
