import { linkToken } from '../account-mail';
import { buyTickets, GOOD_PASSWORD, placeOrderOk, signUp, uniqueEmail } from '../factories';
import { asOrganizer, seats, send, type Scenario, type World } from './world';

/** Door staff of the world's organizer, invited by e-mail (not accepted yet). */
async function inviteStaff(w: World): Promise<{ id: string; email: string }> {
  const res = await asOrganizer(w, 'POST', '/api/organizer/staff', {
    email: uniqueEmail('door'),
    name: 'Invited Door',
  });
  if (res.statusCode !== 201) throw new Error(`invitation failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; email: string };
}

/** Accounts and sessions, which no event's availability or figures depend on. */
export const IDENTITY_SCENARIOS: Record<string, Scenario[]> = {
  'POST /api/auth/register': [
    {
      title: 'sign up',
      changes: { none: 'a new account holds no seats and has bought nothing' },
      mail: true,
      prepare: async (w) => ({
        call: () =>
          send(w, 'POST', '/api/auth/register', {
            payload: { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'New' },
          }),
      }),
    },
  ],
  'POST /api/auth/login': [
    {
      title: 'log in',
      changes: { none: 'a session is no seat' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () =>
            send(w, 'POST', '/api/auth/login', {
              payload: { email: user.user.email, password: user.password },
            }),
        };
      },
    },
  ],
  'POST /api/auth/refresh': [
    {
      title: 'rotate a refresh token',
      changes: { none: 'a session is no seat' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () => send(w, 'POST', '/api/auth/refresh', { payload: { refreshToken: user.refreshToken } }),
        };
      },
    },
  ],
  'POST /api/auth/logout': [
    {
      title: 'log out a buyer who holds seats',
      changes: { none: 'ending a session leaves the holds and tickets of its user as they are' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'POST', '/api/auth/logout', {
              token: user.accessToken,
              payload: { refreshToken: user.refreshToken },
            }),
        };
      },
    },
  ],
  'POST /api/auth/verify-email/request': [
    {
      title: 'ask for a verification link',
      changes: { none: 'an e-mail link is no seat' },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        return { call: () => send(w, 'POST', '/api/auth/verify-email/request', { token: user.accessToken }) };
      },
    },
  ],
  'POST /api/auth/verify-email': [
    {
      title: 'verify the address of a buyer who holds seats',
      changes: { none: 'verifying may give guest orders an owner; what is sold or held stays' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        const token = await linkToken(w.env, user.user.email, 'verify-email');
        return { call: () => send(w, 'POST', '/api/auth/verify-email', { payload: { token } }) };
      },
    },
    {
      title: 'confirm a new e-mail address',
      changes: { none: 'an address is no seat' },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        const newEmail = uniqueEmail('moved');
        await send(w, 'POST', '/api/auth/email', {
          token: user.accessToken,
          payload: { newEmail, currentPassword: user.password },
        });
        const token = await linkToken(w.env, newEmail, 'verify-email');
        return { call: () => send(w, 'POST', '/api/auth/verify-email', { payload: { token } }) };
      },
    },
  ],
  'POST /api/auth/password-reset/request': [
    {
      title: 'ask for a reset link for a known address',
      changes: { none: 'an e-mail link is no seat' },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () =>
            send(w, 'POST', '/api/auth/password-reset/request', { payload: { email: user.user.email } }),
        };
      },
    },
    {
      title: 'ask for a reset link for an unknown address',
      changes: { none: 'nothing but an audit entry is written' },
      prepare: async (w) => ({
        call: () =>
          send(w, 'POST', '/api/auth/password-reset/request', { payload: { email: uniqueEmail('nobody') } }),
      }),
    },
  ],
  'POST /api/auth/password-reset': [
    {
      title: 'reset the password of a buyer who holds seats',
      changes: { none: "revoking sessions leaves the user's holds and tickets as they are" },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        await send(w, 'POST', '/api/auth/password-reset/request', { payload: { email: user.user.email } });
        const token = await linkToken(w.env, user.user.email, 'reset-password');
        return {
          call: () =>
            send(w, 'POST', '/api/auth/password-reset', {
              payload: { token, password: 'a brand new passphrase' },
            }),
        };
      },
    },
  ],
  'POST /api/auth/password': [
    {
      title: 'change the password',
      changes: { none: 'a password is no seat' },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () =>
            send(w, 'POST', '/api/auth/password', {
              token: user.accessToken,
              payload: { currentPassword: user.password, newPassword: 'a brand new passphrase' },
            }),
        };
      },
    },
  ],
  'POST /api/auth/email': [
    {
      title: 'ask to change the e-mail address',
      changes: { none: 'nothing changes before the new address is confirmed' },
      mail: true,
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () =>
            send(w, 'POST', '/api/auth/email', {
              token: user.accessToken,
              payload: { newEmail: uniqueEmail('moving'), currentPassword: user.password },
            }),
        };
      },
    },
  ],
  'PATCH /api/auth/me': [
    {
      title: 'rename an attendee',
      changes: { none: 'figures count the attendee fields given with each ticket, not the profile' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await buyTickets(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'PATCH', '/api/auth/me', { token: user.accessToken, payload: { name: 'Renamed Buyer' } }),
        };
      },
    },
  ],
  'PATCH /api/admin/users/:id': [
    {
      title: 'disable a buyer who holds seats',
      changes: { none: "disabling revokes sessions only: the user's holds and tickets stay" },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'PATCH', `/api/admin/users/${user.user.id}`, {
              token: w.admin.accessToken,
              payload: { disabled: true },
            }),
        };
      },
    },
  ],
  'PUT /api/organizer/profile': [
    {
      title: 'save the business profile',
      changes: { none: 'the seller details of invoices to come; nothing is sold or held' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'PUT', '/api/organizer/profile', {
            legalName: 'Kesselhaus Events GmbH',
            address: { line1: 'Schönhauser Allee 36', postalCode: '10435', city: 'Berlin', country: 'DE' },
            vatId: 'DE136695976',
          }),
      }),
    },
  ],
  'POST /api/organizer/staff': [
    {
      title: 'invite door staff by e-mail',
      changes: { none: 'staff scan tickets; inviting them admits nobody' },
      mail: true,
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', '/api/organizer/staff', {
            email: uniqueEmail('door'),
            name: 'Invited Door',
          }),
      }),
    },
    {
      title: 'add door staff',
      changes: { none: 'staff scan tickets; creating them admits nobody' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', '/api/organizer/staff', {
            email: uniqueEmail('door'),
            name: 'Another Door',
            password: 'a long door staff password',
          }),
      }),
    },
  ],
  'POST /api/organizer/staff/:id/invite': [
    {
      title: 'send a staff invitation again',
      changes: { none: 'an invitation admits nobody until accepted' },
      mail: true,
      prepare: async (w) => {
        const staff = await inviteStaff(w);
        return { call: () => asOrganizer(w, 'POST', `/api/organizer/staff/${staff.id}/invite`) };
      },
    },
  ],
  'DELETE /api/organizer/staff/:id': [
    {
      title: 'remove door staff',
      changes: { none: 'removal ends sessions; the check-ins already made stay' },
      prepare: async (w) => {
        const staff = await inviteStaff(w);
        return { call: () => asOrganizer(w, 'DELETE', `/api/organizer/staff/${staff.id}`) };
      },
    },
  ],
  'POST /api/auth/staff-invite/accept': [
    {
      title: 'accept a staff invitation',
      changes: { none: 'a password and a session are no seat' },
      prepare: async (w) => {
        const staff = await inviteStaff(w);
        const token = await linkToken(w.env, staff.email, 'accept-invite');
        return {
          call: () =>
            send(w, 'POST', '/api/auth/staff-invite/accept', {
              payload: { token, password: 'a long door staff password' },
            }),
        };
      },
    },
  ],
  'POST /api/organizer/signing-keys/rotate': [
    {
      title: 'rotate the ticket-signing key of an organizer with sales',
      changes: {
        none: 'codes signed before stay valid (retired keys still verify); nothing is sold or voided',
      },
      prepare: async (w) => ({ call: () => asOrganizer(w, 'POST', '/api/organizer/signing-keys/rotate') }),
    },
  ],
};
