import createClient, { type Middleware } from 'openapi-fetch';
import { adminAnalyticsApi, analyticsApi } from './analytics-api';
import { checkinApi, ticketsApi } from './checkin-api';
import { adminEventsApi, eventsApi } from './events-api';
import { invoicesApi, organizerInvoicesApi, organizerProfileApi } from './invoices-api';
import { adminOrdersApi, ordersApi } from './orders-api';
import { refundsApi } from './refunds-api';
import type { paths } from './generated/schema';
import type {
  AuditLogQuery,
  LoginInput,
  OrganizerOrdersQuery,
  ProfileInput,
  RefreshInput,
  RegisterInput,
  StaffInput,
  UserPatch,
  UsersQuery,
} from './types';
import { unwrap } from './unwrap';

export interface ApiOptions {
  /** Origin of the API, e.g. "http://localhost:3000"; "" for same-origin use in the browser. */
  baseUrl: string;
  /** Returns the current access token, if any; sent as a Bearer token. */
  getAccessToken?: () => string | undefined | null;
  fetch?: typeof fetch;
}

/** The typed EventHub client: resource-style methods over the generated OpenAPI types. */
export function createApi(options: ApiOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    credentials: 'include',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.getAccessToken?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);

  return {
    /** The underlying openapi-fetch client, for routes without a wrapper yet. */
    raw: client,
    auth: {
      register: (body: RegisterInput) => unwrap(client.POST('/api/auth/register', { body })),
      login: (body: LoginInput) => unwrap(client.POST('/api/auth/login', { body })),
      /** Without a token in the body, the httpOnly cookie set at login is used. */
      refresh: (body: RefreshInput = {}) => unwrap(client.POST('/api/auth/refresh', { body })),
      logout: (body: RefreshInput = {}) =>
        unwrap(client.POST('/api/auth/logout', { body })).then(() => undefined),
      me: () => unwrap(client.GET('/api/auth/me')),
      updateProfile: (body: ProfileInput) => unwrap(client.PATCH('/api/auth/me', { body })),
      /** Door staff accept their invitation: choose a password, and are signed in (refresh cookie set). */
      acceptStaffInvite: (body: { token: string; password: string }) =>
        unwrap(client.POST('/api/auth/staff-invite/accept', { body })),
    },
    events: eventsApi(client),
    orders: ordersApi(client),
    invoices: invoicesApi(client),
    tickets: ticketsApi(client),
    checkin: checkinApi(client),
    analytics: analyticsApi(client),
    admin: {
      events: adminEventsApi(client),
      orders: adminOrdersApi(client),
      refunds: refundsApi(client, 'admin'),
      analytics: adminAnalyticsApi(client),
      users: {
        list: (query: UsersQuery = {}) => unwrap(client.GET('/api/admin/users', { params: { query } })),
        update: (id: string, body: UserPatch) =>
          unwrap(client.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body })),
      },
      auditLog: {
        list: (query: AuditLogQuery = {}) =>
          unwrap(client.GET('/api/admin/audit-log', { params: { query } })),
        /** The actions the log records, with a short label and group each (for the filter). */
        actions: () => unwrap(client.GET('/api/admin/audit-log/actions')),
      },
    },
    organizer: {
      staff: {
        list: () => unwrap(client.GET('/api/organizer/staff')),
        create: (body: StaffInput) => unwrap(client.POST('/api/organizer/staff', { body })),
        /** Mails an invited staff member a fresh link; the previous one stops working. */
        resendInvitation: (id: string) =>
          unwrap(client.POST('/api/organizer/staff/{id}/invite', { params: { path: { id } } })),
        /** Disables the account and ends its sessions at once. */
        remove: (id: string) =>
          unwrap(client.DELETE('/api/organizer/staff/{id}', { params: { path: { id } } })).then(
            () => undefined,
          ),
      },
      refunds: refundsApi(client, 'organizer'),
      profile: organizerProfileApi(client),
      invoices: organizerInvoicesApi(client),
      orders: {
        /** Orders across all of the organizer's events, filtered by event name, reference, e-mail, status. */
        list: (query: OrganizerOrdersQuery = {}) =>
          unwrap(client.GET('/api/organizer/orders', { params: { query } })),
      },
    },
  };
}

export type Api = ReturnType<typeof createApi>;
