import { expect, it } from 'vitest';
import { linkToken, mailsTo } from './support/account-mail';
import { ticketsFor, validate } from './support/door';
import {
  GOOD_PASSWORD,
  logIn,
  makePublishedEvent,
  signInAdmin,
  signUp,
  uniqueEmail,
  type SignedIn,
} from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const STAFF_PASSWORD = 'a door password of my own';
const DAY = 86_400_000;

interface Staff {
  id: string;
  email: string;
  name: string;
  role: string;
  organizerId: string | null;
  disabled: boolean;
  emailVerified: boolean;
  status: 'invited' | 'active' | 'disabled';
  invitedAt: string | null;
  invitationExpiresAt: string | null;
}

function invite(env: TestEnv, organizer: SignedIn, body: Record<string, unknown>) {
  return env.app.inject({
    method: 'POST',
    url: '/api/organizer/staff',
    headers: bearer(organizer.accessToken),
    payload: body,
  });
}

async function inviteOk(env: TestEnv, organizer: SignedIn, name = 'Dora Door'): Promise<Staff> {
  const res = await invite(env, organizer, { email: uniqueEmail('door'), name });
  expect(res.statusCode).toBe(201);
  return json<Staff>(res);
}

function inviteToken(env: TestEnv, to: string): Promise<string> {
  return linkToken(env, to, 'accept-invite');
}

function accept(env: TestEnv, token: string, password = STAFF_PASSWORD) {
  return env.app.inject({
    method: 'POST',
    url: '/api/auth/staff-invite/accept',
    payload: { token, password },
  });
}

function expectInvalidToken(res: { statusCode: number; json: () => unknown }) {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'invalid_token', status: 400 });
}

async function staffList(env: TestEnv, organizer: SignedIn): Promise<Staff[]> {
  const res = await env.app.inject({
    method: 'GET',
    url: '/api/organizer/staff',
    headers: bearer(organizer.accessToken),
  });
  expect(res.statusCode).toBe(200);
  return json<{ items: Staff[] }>(res).items;
}

function remove(env: TestEnv, organizer: SignedIn, staffId: string) {
  return env.app.inject({
    method: 'DELETE',
    url: `/api/organizer/staff/${staffId}`,
    headers: bearer(organizer.accessToken),
  });
}

function resend(env: TestEnv, organizer: SignedIn, staffId: string) {
  return env.app.inject({
    method: 'POST',
    url: `/api/organizer/staff/${staffId}/invite`,
    headers: bearer(organizer.accessToken),
  });
}

function login(env: TestEnv, email: string, password: string) {
  return env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

async function auditOf(env: TestEnv, action: string) {
  const admin = await signInAdmin(env);
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/admin/audit-log?action=${action}&pageSize=100`,
    headers: bearer(admin.accessToken),
  });
  return json<{ items: { actorId: string | null; targetId: string | null; details: object }[] }>(res).items;
}

/** An invited staff member who accepted, signed in through the acceptance. */
async function acceptedStaff(
  env: TestEnv,
  organizer: SignedIn,
): Promise<{ staff: Staff; session: SignedIn }> {
  const staff = await inviteOk(env, organizer);
  const res = await accept(env, await inviteToken(env, staff.email));
  expect(res.statusCode).toBe(200);
  return { staff, session: { ...(res.json() as Omit<SignedIn, 'password'>), password: STAFF_PASSWORD } };
}

describeEachEngine(
  'door staff invitations and removal',
  (env) => {
    it('invites by e-mail; the invitee chooses a password, is signed in and checks in the organizer’s tickets', async () => {
      const organizer = await signUp(env(), { role: 'organizer', name: 'Olga Organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const email = uniqueEmail('Door');

      const res = await invite(env(), organizer, { email, name: 'Dora Door' });
      expect(res.statusCode).toBe(201);
      const staff = json<Staff>(res);
      expect(staff).toMatchObject({
        email: email.toLowerCase(),
        name: 'Dora Door',
        role: 'staff',
        organizerId: organizer.user.id,
        disabled: false,
        emailVerified: false,
        status: 'invited',
      });
      expect(Date.parse(staff.invitationExpiresAt!) - Date.parse(staff.invitedAt!)).toBe(7 * DAY);
      expect(await staffList(env(), organizer)).toEqual([staff]);

      const mail = (await mailsTo(env(), email)).at(-1)!;
      expect(mail.subject).toBe('Olga Organizer invited you to check in tickets on EventHub');
      expect(mail.text).toContain('Hello Dora Door,');
      const token = await inviteToken(env(), email);

      // No password works before the invitation is accepted.
      expect((await login(env(), email, '')).statusCode).toBe(400);
      expect((await login(env(), email, STAFF_PASSWORD)).statusCode).toBe(401);

      const accepted = await accept(env(), token);
      expect(accepted.statusCode).toBe(200);
      const session = json<{ user: Staff; accessToken: string; refreshToken: string; expiresIn: number }>(
        accepted,
      );
      expect(session.user).toMatchObject({ id: staff.id, role: 'staff', emailVerified: true });
      expect(session.refreshToken).toBeTruthy();
      expect(accepted.headers['set-cookie']).toBeDefined();

      const me = await env().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: bearer(session.accessToken),
      });
      expect(json(me)).toMatchObject({ id: staff.id, emailVerified: true });

      const door = await logIn(env(), email, STAFF_PASSWORD);
      const buyer = await signUp(env());
      const [ticket] = (await ticketsFor(env(), buyer, event)).tickets;
      const scanned = await validate(env(), door, { code: ticket!.code, eventId: event.id });
      expect(scanned.statusCode).toBe(200);
      expect(json(scanned)).toMatchObject({ result: 'valid' });

      // Another organizer's event is not this staff member's to check.
      const other = await signUp(env(), { role: 'organizer' });
      const otherEvent = await makePublishedEvent(env(), other);
      const [foreign] = (await ticketsFor(env(), buyer, otherEvent)).tickets;
      expect((await validate(env(), door, { code: foreign!.code })).statusCode).not.toBe(200);

      const [listed] = await staffList(env(), organizer);
      expect(listed).toMatchObject({ id: staff.id, status: 'active', emailVerified: true });

      const invited = await auditOf(env(), 'staff.invited');
      expect(invited).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorId: organizer.user.id,
            targetId: staff.id,
            details: { email: staff.email, name: 'Dora Door' },
          }),
        ]),
      );
      const acceptedAudit = await auditOf(env(), 'staff.invitation_accepted');
      expect(acceptedAudit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorId: staff.id,
            targetId: staff.id,
            details: { email: staff.email, organizerId: organizer.user.id },
          }),
        ]),
      );
      expect(JSON.stringify([...invited, ...acceptedAudit])).not.toContain(token);
    });

    it('refuses an unknown, spent or expired invitation token with 400 invalid_token, and a weak password without spending it', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      expectInvalidToken(await accept(env(), 'not-a-token-we-ever-mailed'));

      const staff = await inviteOk(env(), organizer);
      const token = await inviteToken(env(), staff.email);
      const weak = await accept(env(), token, 'password123');
      expect(weak.statusCode).toBe(400);
      expect(json(weak)).toMatchObject({ code: 'password_too_common' });
      expect((await accept(env(), token)).statusCode).toBe(200);
      expectInvalidToken(await accept(env(), token, 'someone else would like this one'));
      await logIn(env(), staff.email, STAFF_PASSWORD);

      // A password-reset token is not an invitation token either.
      const reset = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email: staff.email },
      });
      expect(reset.statusCode).toBe(202);
      const resetLine = (await mailsTo(env(), staff.email))
        .flatMap((m) => m.text.split('\n'))
        .find((l) => l.includes('/reset-password?token='))!;
      expectInvalidToken(await accept(env(), decodeURIComponent(resetLine.split('token=')[1]!)));

      const late = await inviteOk(env(), organizer);
      const lateToken = await inviteToken(env(), late.email);
      env().clock.advance(7 * DAY + 1000);
      expectInvalidToken(await accept(env(), lateToken));
      const [listed] = (
        await staffList(env(), await logIn(env(), organizer.user.email, GOOD_PASSWORD))
      ).filter((s) => s.id === late.id);
      expect(listed).toMatchObject({ status: 'invited', invitationExpiresAt: late.invitationExpiresAt });
    });

    it('resends an invitation: the new link works, the old one is dead; nothing to resend once accepted', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const staff = await inviteOk(env(), organizer);
      const first = await inviteToken(env(), staff.email);
      env().clock.advance(60_000);

      const again = await resend(env(), organizer, staff.id);
      expect(again.statusCode).toBe(200);
      expect(json<Staff>(again)).toMatchObject({ id: staff.id, status: 'invited' });
      expect(json<Staff>(again).invitedAt! > staff.invitedAt!).toBe(true);
      const second = await inviteToken(env(), staff.email);
      expect(second).not.toBe(first);
      expect(await mailsTo(env(), staff.email)).toHaveLength(2);

      const other = await signUp(env(), { role: 'organizer' });
      expect((await resend(env(), other, staff.id)).statusCode).toBe(404);

      expectInvalidToken(await accept(env(), first));
      expect((await accept(env(), second)).statusCode).toBe(200);
      const done = await resend(env(), organizer, staff.id);
      expect(done.statusCode).toBe(409);
      expect(json(done)).toMatchObject({ code: 'invitation_accepted' });

      const resent = await auditOf(env(), 'staff.invited');
      expect(resent).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            targetId: staff.id,
            details: { email: staff.email, name: staff.name, resent: true },
          }),
        ]),
      );
    });

    it('removes staff at once: refresh refused, access token refused, scans refused, login refused', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const { staff, session } = await acceptedStaff(env(), organizer);
      const second = await logIn(env(), staff.email, STAFF_PASSWORD);
      const buyer = await signUp(env());
      const [ticket] = (await ticketsFor(env(), buyer, event, 2)).tickets;
      expect((await validate(env(), session, { code: ticket!.code })).statusCode).toBe(200);

      const removed = await remove(env(), organizer, staff.id);
      expect(removed.statusCode).toBe(204);

      for (const s of [session, second]) {
        const refresh = await env().app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          payload: { refreshToken: s.refreshToken },
        });
        expect(refresh.statusCode).toBe(401);
        const me = await env().app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: bearer(s.accessToken),
        });
        expect(me.statusCode).toBe(401);
      }
      const [other] = (await ticketsFor(env(), buyer, event)).tickets;
      expect((await validate(env(), session, { code: other!.code })).statusCode).toBe(401);
      expect((await login(env(), staff.email, STAFF_PASSWORD)).statusCode).toBe(401);
      expect((await staffList(env(), organizer)).map((s) => s.id)).not.toContain(staff.id);
      // Gone already: a second removal finds nothing.
      expect((await remove(env(), organizer, staff.id)).statusCode).toBe(404);

      // The check-in it made stays on record, naming it.
      const checkedIn = await env()
        .ctx.db.selectFrom('tickets')
        .select('checked_in_by')
        .where('id', '=', ticket!.id)
        .executeTakeFirstOrThrow();
      expect(checkedIn.checked_in_by).toBe(staff.id);

      expect(await auditOf(env(), 'staff.removed')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorId: organizer.user.id,
            targetId: staff.id,
            details: { email: staff.email, name: staff.name },
          }),
        ]),
      );
    });

    it("lets no one remove another organizer's staff, nor anyone who is not staff", async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const { staff, session } = await acceptedStaff(env(), organizer);
      const other = await signUp(env(), { role: 'organizer' });
      const customer = await signUp(env());

      expect((await remove(env(), other, staff.id)).statusCode).toBe(404);
      expect((await remove(env(), organizer, customer.user.id)).statusCode).toBe(404);
      expect((await remove(env(), organizer, organizer.user.id)).statusCode).toBe(404);
      expect((await remove(env(), customer, staff.id)).statusCode).toBe(403);
      expect((await remove(env(), session, staff.id)).statusCode).toBe(403);

      const me = await env().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: bearer(session.accessToken),
      });
      expect(me.statusCode).toBe(200);
      expect((await staffList(env(), organizer)).map((s) => s.id)).toContain(staff.id);
    });

    it('refuses an old invitation of removed staff, and invites the address afresh later', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const staff = await inviteOk(env(), organizer);
      const token = await inviteToken(env(), staff.email);
      expect((await remove(env(), organizer, staff.id)).statusCode).toBe(204);
      expectInvalidToken(await accept(env(), token));
      expect((await resend(env(), organizer, staff.id)).statusCode).toBe(404);

      // Another organizer invites the same person: the account comes back, for them, invited.
      const next = await signUp(env(), { role: 'organizer' });
      const back = await invite(env(), next, { email: staff.email, name: 'Dora Again' });
      expect(back.statusCode).toBe(201);
      expect(json<Staff>(back)).toMatchObject({
        id: staff.id,
        name: 'Dora Again',
        organizerId: next.user.id,
        status: 'invited',
        disabled: false,
      });
      expectInvalidToken(await accept(env(), token));
      expect((await accept(env(), await inviteToken(env(), staff.email))).statusCode).toBe(200);
      expect((await staffList(env(), next)).map((s) => s.id)).toEqual([staff.id]);
      expect((await staffList(env(), organizer)).map((s) => s.id)).not.toContain(staff.id);
    });

    it('keeps the original contract: with a password the account is active at once and gets no mail', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const email = uniqueEmail('door');
      const res = await invite(env(), organizer, { email, name: 'Pat Password', password: STAFF_PASSWORD });
      expect(res.statusCode).toBe(201);
      expect(json<Staff>(res)).toMatchObject({
        status: 'active',
        invitedAt: null,
        invitationExpiresAt: null,
      });
      expect(await mailsTo(env(), email)).toEqual([]);
      await logIn(env(), email, STAFF_PASSWORD);
      const resent = await resend(env(), organizer, json<Staff>(res).id);
      expect(resent.statusCode).toBe(409);

      const weak = await invite(env(), organizer, {
        email: uniqueEmail('door'),
        name: 'W',
        password: 'password123',
      });
      expect(json(weak)).toMatchObject({ code: 'password_too_common' });

      // An address that already has an account (not removed staff) is taken.
      const customer = await signUp(env());
      const mailed = (await mailsTo(env(), customer.user.email)).length;
      const taken = await invite(env(), organizer, { email: customer.user.email, name: 'Cus Tomer' });
      expect(taken.statusCode).toBe(409);
      expect(json(taken)).toMatchObject({ code: 'email_taken' });
      expect(await mailsTo(env(), customer.user.email)).toHaveLength(mailed);

      const customerInvites = await invite(env(), customer, { email: uniqueEmail('door'), name: 'X' });
      expect(customerInvites.statusCode).toBe(403);
    });
  },
  { env: { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '100000' } },
);

describeEachEngine(
  'staff who reset their password instead',
  (env) => {
    it('accepts the invitation: active, verified, and the invitation link spent', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const staff = await inviteOk(env(), organizer);
      const invitation = await inviteToken(env(), staff.email);
      const asked = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email: staff.email },
      });
      expect(asked.statusCode).toBe(202);
      const reset = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { token: await linkToken(env(), staff.email, 'reset-password'), password: STAFF_PASSWORD },
      });
      expect(reset.statusCode).toBe(204);
      expect((await login(env(), staff.email, STAFF_PASSWORD)).statusCode).toBe(200);
      const listed = (await staffList(env(), organizer)).find((s) => s.id === staff.id)!;
      expect(listed).toMatchObject({ status: 'active', emailVerified: true });
      expectInvalidToken(await accept(env(), invitation, 'another door password'));
    });
  },
  { env: { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '100000' } },
);

describeEachEngine(
  'staff invitation mail limits',
  (env) => {
    it('limits resending an invitation per staff member like other account mail', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const staff = await inviteOk(env(), organizer);
      for (let i = 0; i < 2; i++) expect((await resend(env(), organizer, staff.id)).statusCode).toBe(200);
      const limited = await resend(env(), organizer, staff.id);
      expect(limited.statusCode).toBe(429);
      expect(json(limited)).toMatchObject({ code: 'rate_limited' });
      expect(await mailsTo(env(), staff.email)).toHaveLength(3);
    });
  },
  { env: { RATE_LIMIT_ACCOUNT_MAIL_PER_IP: '100000', RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '2' } },
);
