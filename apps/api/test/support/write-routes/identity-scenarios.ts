import { buyTickets, GOOD_PASSWORD, placeOrderOk, signUp, uniqueEmail } from '../factories';
import { asOrganizer, seats, send, type Scenario } from './world';

/** Accounts and sessions, which no event's availability or figures depend on. */
export const IDENTITY_SCENARIOS: Record<string, Scenario[]> = {
  'POST /api/auth/register': [
    {
      title: 'sign up',
      changes: { none: 'a new account holds no seats and has bought nothing' },
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
  'POST /api/organizer/staff': [
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
