import { createPublicKey, verify } from 'node:crypto';
import { parseTicketCode } from '@eventhub/core';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { openDoor, ticketsFor, validate } from './support/door';
import { makePublishedEvent, signInAdmin, signUp, type SignedIn } from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

interface Problem {
  code: string;
  checkedInAt?: string;
  ticket?: { id: string; holderName: string };
}

async function auditOf(env: TestEnv, action: string) {
  await env.app.background.runOnce();
  const rows = await env.ctx.db
    .selectFrom('audit_log')
    .select(['actor_id', 'target_id', 'details'])
    .where('action', '=', action)
    .execute();
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describeEachEngine(
  'door check-in',
  (env) => {
    it('admits a ticket once: valid, then already_used with the first check-in time; a retried nonce is valid again', async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const buyer = await signUp(env(), { name: 'Vera Valid' });
      const [ticket] = (await ticketsFor(env(), buyer, door.event)).tickets;
      expect(ticket!.code.length).toBeLessThanOrEqual(140);

      const first = await validate(env(), door.staff, {
        code: ticket!.code,
        eventId: door.event.id,
        nonce: 'nonce-first-scan',
      });
      expect(first.statusCode).toBe(200);
      const admitted = json<{ result: string; checkedInAt: string; ticket: Record<string, string> }>(first);
      expect(admitted).toMatchObject({
        result: 'valid',
        ticket: {
          id: ticket!.id,
          eventId: door.event.id,
          ticketTypeId: door.event.ticketTypes[0]!.id,
          ticketTypeName: door.event.ticketTypes[0]!.name,
          holderName: 'Vera Valid',
        },
      });

      env().clock.advance(60_000);
      const again = await validate(env(), door.staff, { code: ticket!.code });
      expect(again.statusCode).toBe(409);
      expect(json<Problem>(again)).toMatchObject({ code: 'already_used', checkedInAt: admitted.checkedInAt });

      // The scanner lost the first answer and retries with the same nonce: same answer, no double entry.
      const retried = await validate(env(), door.staff, { code: ticket!.code, nonce: 'nonce-first-scan' });
      expect(retried.statusCode).toBe(200);
      expect(json(retried)).toMatchObject({ result: 'valid', checkedInAt: admitted.checkedInAt });
      // Another user replaying that nonce gets no such courtesy.
      const owner = await validate(env(), door.organizer, { code: ticket!.code, nonce: 'nonce-first-scan' });
      expect(json<Problem>(owner).code).toBe('already_used');

      const audit = await auditOf(env(), 'ticket.checked_in');
      expect(audit.filter((a) => a.target_id === ticket!.id)).toEqual([
        expect.objectContaining({
          actor_id: door.staff.user.id,
          details: expect.objectContaining({ result: 'valid', deviceId: 'door-1' }),
        }),
      ]);
      const refused = await auditOf(env(), 'ticket.scan_refused');
      expect(refused.filter((a) => a.target_id === ticket!.id).map((a) => a.details.result)).toEqual([
        'already_used',
        'already_used',
      ]);
    });

    it('refuses forged, garbled and foreign-key codes with 400 invalid_code, and audits them', async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const rival = await signUp(env(), { role: 'organizer' });
      await makePublishedEvent(env(), rival);
      const buyer = await signUp(env());
      const [ticket] = (await ticketsFor(env(), buyer, door.event)).tickets;
      const bytes = Buffer.from(ticket!.code, 'base64url');
      const flipped = (i: number) => {
        const copy = Buffer.from(bytes);
        copy[i] = copy[i]! ^ 0x01;
        return copy.toString('base64url');
      };
      // A code for this very ticket, correctly signed, but with the rival organizer's key.
      const foreign = await env().ctx.ticketKeys.sign(env().ctx.db, rival.user.id, {
        ticketId: ticket!.id,
        eventId: door.event.id,
      });
      const before = await auditOf(env(), 'ticket.scan_refused');
      for (const code of [
        '',
        'garbage',
        ticket!.code.slice(0, -2),
        flipped(0),
        flipped(3),
        flipped(10),
        flipped(30),
        flipped(40),
        flipped(104),
        foreign,
      ]) {
        const res = await validate(env(), door.staff, { code, eventId: door.event.id });
        if (code === '') expect(res.statusCode).toBe(400);
        else expect(json<Problem>(res), code).toMatchObject({ code: 'invalid_code' });
      }
      const after = await auditOf(env(), 'ticket.scan_refused');
      expect(after.length - before.length).toBe(9);
      expect(after.every((a) => JSON.stringify(a.details).includes(ticket!.code) === false)).toBe(true);
      // None of that admitted the ticket.
      expect((await validate(env(), door.staff, { code: ticket!.code })).statusCode).toBe(200);
    });

    it('answers wrong_event, void after a refund, after a reissue and when the event is cancelled', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer);
      const other = await makePublishedEvent(env(), organizer, { name: 'Other night' });
      const buyer = await signUp(env());
      const { order, tickets } = await ticketsFor(env(), buyer, door.event, 3);
      const [refunded, reissued, kept] = tickets;

      const wrong = await validate(env(), door.staff, { code: kept!.code, eventId: other.id });
      expect(json<Problem>(wrong).code).toBe('wrong_event');

      const refund = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/refunds`,
        headers: bearer(organizer.accessToken),
        payload: { ticketIds: [refunded!.id] },
      });
      expect(refund.statusCode).toBe(201);
      expect(json<Problem>(await validate(env(), door.staff, { code: refunded!.code }))).toMatchObject({
        code: 'void',
        ticket: { id: refunded!.id },
      });

      const fresh = await env().app.inject({
        method: 'POST',
        url: `/api/tickets/${reissued!.id}/reissue`,
        headers: bearer(buyer.accessToken),
      });
      expect(fresh.statusCode).toBe(200);
      const newCode = json<{ code: string }>(fresh).code;
      expect(newCode).not.toBe(reissued!.code);
      expect(json<Problem>(await validate(env(), door.staff, { code: reissued!.code })).code).toBe('void');

      const keys = json<{ voidTicketIds: string[]; revokedCodes: string[] }>(
        await env().app.inject({
          method: 'GET',
          url: `/api/events/${door.event.id}/checkin-keys`,
          headers: bearer(door.staff.accessToken),
        }),
      );
      expect(keys.voidTicketIds).toEqual([refunded!.id]);
      expect(keys.revokedCodes).toEqual([reissued!.code]);

      const cancel = await env().app.inject({
        method: 'POST',
        url: `/api/events/${door.event.id}/cancel`,
        headers: bearer(organizer.accessToken),
      });
      expect(cancel.statusCode).toBe(200);
      for (const code of [kept!.code, newCode])
        expect(json<Problem>(await validate(env(), door.staff, { code })).code).toBe('void');
      // Cancelling never hands out fresh valid codes: a void ticket cannot be reissued.
      const again = await env().app.inject({
        method: 'POST',
        url: `/api/tickets/${kept!.id}/reissue`,
        headers: bearer(buyer.accessToken),
      });
      expect(json<Problem>(again).code).toBe('ticket_not_reissuable');
    });

    it("keeps door staff to their organizer's doors: 403 elsewhere, and no orders or revenue anywhere", async () => {
      const a = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const b = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const buyer = await signUp(env());
      const { order, tickets } = await ticketsFor(env(), buyer, b.event);

      // Naming B's event is forbidden; without it, B's code reads as a forged one would.
      const foreign = await validate(env(), a.staff, { code: tickets[0]!.code, eventId: b.event.id });
      expect(json<Problem>(foreign)).toMatchObject({ code: 'forbidden' });
      expect(foreign.statusCode).toBe(403);
      const unnamed = await validate(env(), a.staff, { code: tickets[0]!.code });
      expect([unnamed.statusCode, json<Problem>(unnamed).code]).toEqual([400, 'invalid_code']);
      const keys = await env().app.inject({
        method: 'GET',
        url: `/api/events/${b.event.id}/checkin-keys`,
        headers: bearer(a.staff.accessToken),
      });
      expect(keys.statusCode).toBe(403);
      const upload = await env().app.inject({
        method: 'POST',
        url: `/api/events/${b.event.id}/checkins/sync`,
        headers: bearer(a.staff.accessToken),
        payload: { scans: [{ code: tickets[0]!.code, scannedAt: env().clock.now().toISOString() }] },
      });
      expect(upload.statusCode).toBe(403);
      // Customers and other organizers are no door staff either.
      expect((await validate(env(), buyer, { code: tickets[0]!.code })).statusCode).toBe(403);
      expect((await validate(env(), a.organizer, { code: tickets[0]!.code })).statusCode).toBe(400);

      for (const url of [
        `/api/orders/${order.id}`,
        `/api/orders/${order.id}/tickets`,
        `/api/tickets/${tickets[0]!.id}/qr.png`,
        `/api/orders/${order.id}/tickets.pdf`,
      ]) {
        const res = await env().app.inject({ method: 'GET', url, headers: bearer(b.staff.accessToken) });
        expect(res.statusCode, url).toBe(404);
      }
      for (const url of [
        `/api/events/${b.event.id}/orders`,
        '/api/organizer/events',
        '/api/admin/orders',
        '/api/orders',
        '/api/organizer/staff',
      ]) {
        const res = await env().app.inject({ method: 'GET', url, headers: bearer(b.staff.accessToken) });
        expect(res.statusCode, url).toBe(403);
      }
      // What staff do see: their organizer's events with door counts only.
      const list = json<{ items: Record<string, unknown>[] }>(
        await env().app.inject({
          method: 'GET',
          url: '/api/checkin/events',
          headers: bearer(b.staff.accessToken),
        }),
      );
      expect(list.items.map((e) => e.id)).toEqual([b.event.id]);
      expect(Object.keys(list.items[0]!).sort()).toEqual([
        'id',
        'name',
        'startsAt',
        'stats',
        'status',
        'timezone',
        'venueName',
      ]);
      expect(list.items[0]!.stats).toEqual({ checkedIn: 0, sold: 1 });
      // And their own organizer's tickets pass.
      expect((await validate(env(), b.staff, { code: tickets[0]!.code })).statusCode).toBe(200);
      const admin = await signInAdmin(env());
      expect((await validate(env(), admin, { code: tickets[0]!.code })).statusCode).toBe(409);
    });

    it("answers another organizer's door the same for a genuine code as for a forged one", async () => {
      const a = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const b = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const [ticket] = (await ticketsFor(env(), await signUp(env()), a.event)).tickets;
      const genuine = ticket!.code;
      const bytes = Buffer.from(genuine, 'base64url');
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
      const forged = bytes.toString('base64url');
      // Status, headers that matter and the whole body: nothing but the request id may differ.
      const answer = async (who: SignedIn, body: Record<string, unknown>) => {
        const res = await validate(env(), who, body);
        return { status: res.statusCode, type: res.headers['content-type'], body: json(res) };
      };

      for (const who of [b.staff, b.organizer]) {
        for (const eventId of [undefined, a.event.id, b.event.id]) {
          const forSome = await answer(who, { code: forged, eventId });
          const forReal = await answer(who, { code: genuine, eventId });
          expect(forReal, `eventId ${eventId}`).toEqual(forSome);
          expect(forReal.status).toBe(eventId === a.event.id ? 403 : 400);
          expect(forReal.body.code).toBe(eventId === a.event.id ? 'forbidden' : 'invalid_code');
        }
        // An offline upload at their own door cannot tell them apart either.
        const sync = json<{ results: { ticketId: string | null; result: string }[] }>(
          await env().app.inject({
            method: 'POST',
            url: `/api/events/${b.event.id}/checkins/sync`,
            headers: bearer(who.accessToken),
            payload: {
              scans: [genuine, forged].map((code) => ({ code, scannedAt: env().clock.now().toISOString() })),
            },
          }),
        );
        expect(sync.results.map(({ ticketId, result }) => ({ ticketId, result }))).toEqual([
          { ticketId: null, result: 'invalid_code' },
          { ticketId: null, result: 'invalid_code' },
        ]);
      }

      // The event's own door still tells them apart, with or without the event named.
      for (const eventId of [undefined, a.event.id]) {
        const refused = await answer(a.staff, { code: forged, eventId });
        expect([refused.status, refused.body.code]).toEqual([400, 'invalid_code']);
      }
      expect((await answer(a.staff, { code: genuine })).status).toBe(200);
      expect((await answer(a.staff, { code: genuine, eventId: a.event.id })).body.code).toBe('already_used');
    });

    it('proves the race is real: an unguarded read-then-write check-in admits one ticket many times', async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const [ticket] = (await ticketsFor(env(), await signUp(env()), door.event)).tickets;
      const { db } = env().ctx;
      const naive = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const row = await db
            .selectFrom('tickets')
            .select('status')
            .where('id', '=', ticket!.id)
            .executeTakeFirstOrThrow();
          if (row.status !== 'valid') return false;
          await db.updateTable('tickets').set({ status: 'used' }).where('id', '=', ticket!.id).execute();
          return true;
        }),
      );
      expect(naive.filter(Boolean).length).toBeGreaterThan(1);
    });

    it('lets exactly one of 100 concurrent scans of one ticket through', async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const [ticket] = (await ticketsFor(env(), await signUp(env()), door.event)).tickets;
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => validate(env(), door.staff, { code: ticket!.code })),
      );
      const valid = answers.filter((r) => r.statusCode === 200);
      expect(valid).toHaveLength(1);
      const first = json<{ checkedInAt: string }>(valid[0]!).checkedInAt;
      const used = answers.filter((r) => r.statusCode === 409).map((r) => json<Problem>(r));
      expect(used).toHaveLength(99);
      expect(used.every((p) => p.code === 'already_used' && p.checkedInAt === first)).toBe(true);
    });

    it('resolves offline uploads: first scan wins, duplicates are conflicts, re-uploads change nothing', async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const { tickets } = await ticketsFor(env(), await signUp(env()), door.event, 3);
      const [t1, t2, t3] = tickets;
      const now = env().clock.now().getTime();
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
      // t3 was admitted online 5 minutes ago, but an offline scanner let its holder in 10 minutes ago.
      env().clock.set(new Date(now - 5 * 60_000));
      expect((await validate(env(), door.staff, { code: t3!.code })).statusCode).toBe(200);
      env().clock.set(new Date(now));

      const scans = [
        { code: t1!.code, scannedAt: at(3), nonce: 'scan-t1-late' },
        { code: t1!.code, scannedAt: at(8), nonce: 'scan-t1-early' },
        { code: t2!.code, scannedAt: at(2), nonce: 'scan-t2-only' },
        { code: t3!.code, scannedAt: at(10), nonce: 'scan-t3-only' },
        { code: 'forged-code', scannedAt: at(1), nonce: 'scan-forged' },
      ];
      const upload = () =>
        env().app.inject({
          method: 'POST',
          url: `/api/events/${door.event.id}/checkins/sync`,
          headers: bearer(door.staff.accessToken),
          payload: { deviceId: 'tablet-7', scans },
        });
      const res = await upload();
      expect(res.statusCode).toBe(200);
      const report = json<{
        results: { result: string; checkedInAt: string | null; conflict: boolean }[];
        accepted: number;
        conflicts: number;
      }>(res);
      expect(report.results.map((r) => [r.result, r.checkedInAt, r.conflict])).toEqual([
        ['already_used', at(8), true],
        ['valid', at(8), false],
        ['valid', at(2), false],
        ['valid', at(10), true],
        ['invalid_code', null, false],
      ]);
      expect(report).toMatchObject({ accepted: 3, conflicts: 2 });

      // The network dropped the answer; the scanner uploads the same batch again.
      const replay = json<typeof report>(await upload());
      expect(replay.results.map((r) => [r.result, r.checkedInAt])).toEqual(
        report.results.map((r) => [r.result, r.checkedInAt]),
      );
      const rows = await env()
        .ctx.db.selectFrom('tickets')
        .select(['id', 'status', 'checked_in_at'])
        .where('id', 'in', [t1!.id, t2!.id, t3!.id])
        .execute();
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.checked_in_at]]))).toEqual({
        [t1!.id]: ['used', at(8)],
        [t2!.id]: ['used', at(2)],
        [t3!.id]: ['used', at(10)],
      });
      // One check-in per ticket; the re-upload is recorded as a replay, not as a second entry.
      const admitted = await auditOf(env(), 'ticket.checked_in');
      expect(admitted.filter((a) => a.target_id === t1!.id)).toEqual([
        expect.objectContaining({
          details: expect.objectContaining({ offline: true, scannedAt: at(8), deviceId: 'tablet-7' }),
        }),
      ]);
      const replayed = await auditOf(env(), 'ticket.scan_replayed');
      expect(replayed.filter((a) => a.target_id === t1!.id)).toHaveLength(1);

      const future = await env().app.inject({
        method: 'POST',
        url: `/api/events/${door.event.id}/checkins/sync`,
        headers: bearer(door.staff.accessToken),
        payload: { scans: [{ code: t1!.code, scannedAt: new Date(now + 3_600_000).toISOString() }] },
      });
      // A scanner clock running ahead: the scan still counts, capped at the time of upload.
      expect(json<{ results: { result: string; checkedInAt: string }[] }>(future).results[0]).toMatchObject({
        result: 'already_used',
        checkedInAt: at(8),
      });
    });

    it('publishes the keys that verify codes offline; after a rotation old codes still verify and pass', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer);
      const buyer = await signUp(env());
      const [before] = (await ticketsFor(env(), buyer, door.event)).tickets;
      const rotated = await env().app.inject({
        method: 'POST',
        url: '/api/organizer/signing-keys/rotate',
        headers: bearer(organizer.accessToken),
      });
      expect(rotated.statusCode).toBe(201);
      const [after] = (await ticketsFor(env(), buyer, door.event)).tickets;
      const keys = json<{
        keys: { keyId: string; publicKey: string; retiredAt: string | null }[];
        stats: unknown;
      }>(
        await env().app.inject({
          method: 'GET',
          url: `/api/events/${door.event.id}/checkin-keys`,
          headers: bearer(door.staff.accessToken),
        }),
      );
      expect(keys.keys).toHaveLength(2);
      expect(keys.keys[0]!.retiredAt).toBeNull();
      expect(keys.stats).toEqual({ checkedIn: 0, sold: 2 });
      // What a scanner does offline, with nothing but the published keys.
      for (const code of [before!.code, after!.code]) {
        const parsed = parseTicketCode(code)!;
        const key = keys.keys.find((k) => k.keyId === parsed.keyId)!;
        const publicKey = createPublicKey({
          key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey },
          format: 'jwk',
        });
        const message = Buffer.concat([Buffer.from('eventhub-ticket-code:'), parsed.signed]);
        expect(verify(null, message, publicKey, parsed.signature)).toBe(true);
      }
      expect(parseTicketCode(before!.code)!.keyId).not.toBe(parseTicketCode(after!.code)!.keyId);
      for (const code of [before!.code, after!.code])
        expect((await validate(env(), door.staff, { code })).statusCode).toBe(200);
      // Private halves are sealed at rest.
      const stored = await env().ctx.db.selectFrom('signing_keys').select('private_key_sealed').execute();
      expect(stored.every((k) => k.private_key_sealed.startsWith('v1.'))).toBe(true);
    });

    it("serves each ticket's QR image and a PDF that decode back to the ticket's code", async () => {
      const door = await openDoor(env(), await signUp(env(), { role: 'organizer' }));
      const buyer = await signUp(env());
      const { order, tickets } = await ticketsFor(env(), buyer, door.event);
      const png = await env().app.inject({
        method: 'GET',
        url: `/api/tickets/${tickets[0]!.id}/qr.png`,
        headers: bearer(buyer.accessToken),
      });
      expect(png.headers['content-type']).toBe('image/png');
      const { data, info } = await sharp(png.rawPayload)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(tickets[0]!.code);

      const pdf = await env().app.inject({
        method: 'GET',
        url: `/api/orders/${order.id}/tickets.pdf`,
        headers: bearer(buyer.accessToken),
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const ics = await env().app.inject({ method: 'GET', url: `/api/events/${door.event.id}/calendar.ics` });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.body).toContain('BEGIN:VEVENT');
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
