import { ApiError, type Problem } from './api-error';
import type { AuditEntry, AuthResult, Page, Role, User } from './types';

export interface ApiOptions {
  /** Origin of the API, e.g. "http://localhost:3000"; "" for same-origin browser use. */
  baseUrl: string;
  /** Returns the current access token, if any. */
  getAccessToken?: () => string | undefined | null;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined>;

export function createApi(options: ApiOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const url = new URL(options.baseUrl + path, 'http://placeholder');
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {};
    const token = options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const target = options.baseUrl ? url.toString() : url.pathname + url.search;
    const res = await doFetch(target, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
    });
    if (res.status === 204) return undefined as T;
    const data = await res.json().catch(() => undefined);
    if (!res.ok) {
      throw new ApiError(
        (data as Problem) ?? {
          type: 'about:blank',
          title: res.statusText,
          status: res.status,
          code: 'http_error',
        },
      );
    }
    return data as T;
  }

  return {
    auth: {
      register: (body: { email: string; password: string; name: string; role?: 'customer' | 'organizer' }) =>
        call<AuthResult>('POST', '/api/auth/register', body),
      login: (body: { email: string; password: string }) => call<AuthResult>('POST', '/api/auth/login', body),
      refresh: (body: { refreshToken?: string } = {}) => call<AuthResult>('POST', '/api/auth/refresh', body),
      logout: (body: { refreshToken?: string } = {}) => call<void>('POST', '/api/auth/logout', body),
      me: () => call<User>('GET', '/api/auth/me'),
    },
    admin: {
      users: {
        list: (query: { q?: string; role?: Role; page?: number; pageSize?: number } = {}) =>
          call<Page<User>>('GET', '/api/admin/users', undefined, query),
        update: (id: string, body: { role?: Role; disabled?: boolean }) =>
          call<User>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, body),
      },
      auditLog: {
        list: (
          query: {
            actorId?: string;
            action?: string;
            from?: string;
            to?: string;
            page?: number;
            pageSize?: number;
          } = {},
        ) => call<Page<AuditEntry>>('GET', '/api/admin/audit-log', undefined, query),
      },
    },
    organizer: {
      staff: {
        list: () => call<{ items: User[] }>('GET', '/api/organizer/staff'),
        create: (body: { email: string; name: string; password: string }) =>
          call<User>('POST', '/api/organizer/staff', body),
      },
    },
  };
}

export type Api = ReturnType<typeof createApi>;
