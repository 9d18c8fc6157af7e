import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buyTickets, makePublishedEvent, signInAdmin, signUp } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('confirmation e-mail through the outbox', (env) => {
  it('sends the confirmation after commit as a real .eml with QR attachments, visible in the dev mailbox', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const buyer = await signUp(env(), { name: 'Mia Mail' });
    const stranger = await signUp(env());
    const admin = await signInAdmin(env());
    const event = await makePublishedEvent(env(), organizer, { name: 'Mail Fest' });
    await buyTickets(env(), buyer, {
      eventId: event.id,
      items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }],
    });
    await env().app.background.runOnce();

    const pending = await env().ctx.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    expect(pending.every((m) => m.status === 'sent')).toBe(true);
    const dir = path.join(env().config.dataDir, 'outbox');
    const eml = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const message = eml
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .find((m) => m.includes(buyer.user.email) && m.includes('Subject: Your tickets'))!;
    expect(message).toMatch(/Subject: Your tickets for Mail Fest/);
    expect(message.match(/Content-Type: image\/png/g)).toHaveLength(2);

    const mine = json<{ items: { id: string; subject: string }[] }>(
      await env().app.inject({ method: 'GET', url: '/api/dev/mailbox', headers: bearer(buyer.accessToken) }),
    );
    // Besides the tickets, only the verification link mailed at sign-up.
    expect(mine.items.map((m) => m.subject).sort()).toEqual([
      'Confirm your e-mail address',
      'Your tickets for Mail Fest',
    ]);
    const tickets = mine.items.find((m) => m.subject === 'Your tickets for Mail Fest')!;
    const raw = await env().app.inject({
      method: 'GET',
      url: `/api/dev/mailbox/${tickets.id}`,
      headers: bearer(buyer.accessToken),
    });
    expect(raw.body).toContain('Mia Mail');
    const theirs = json<{ items: { to: string }[] }>(
      await env().app.inject({
        method: 'GET',
        url: '/api/dev/mailbox',
        headers: bearer(stranger.accessToken),
      }),
    );
    // Only their own sign-up's verification link.
    expect(theirs.items.map((m) => m.to)).toEqual([stranger.user.email]);
    const forbidden = await env().app.inject({
      method: 'GET',
      url: `/api/dev/mailbox/${tickets.id}`,
      headers: bearer(stranger.accessToken),
    });
    expect(forbidden.statusCode).toBe(404);
    const all = json<{ items: unknown[] }>(
      await env().app.inject({ method: 'GET', url: '/api/dev/mailbox', headers: bearer(admin.accessToken) }),
    );
    expect(all.items.length).toBeGreaterThanOrEqual(1);
  });
});
