import { ApiError, createApi, type Api, type AuthResult, type User } from '@eventhub/client';
import { hasSessionHint } from './session-hint';

/**
 * The browser's sign-in session, kept outside React so that every component, every effect
 * (StrictMode runs them twice) and every tab-local caller share one access token and one
 * in-flight refresh. Tokens live only in this module's memory, never in Web Storage; the
 * refresh token itself is an httpOnly cookie the browser sends to /api/auth, announced to script
 * by a hint cookie (session-hint.ts).
 */
export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'signed-in'; user: User }
  /** `reason: 'logout'` tells portal guards not to bounce the user to the login page. */
  | { status: 'signed-out'; user: null; reason: 'anonymous' | 'logout' | 'expired' };

const LOADING: SessionState = { status: 'loading', user: null };

// Refresh this many seconds before the access token expires (or at 80 % of a shorter lifetime).
const REFRESH_LEAD_SECONDS = 60;
// When the server cannot be reached for a scheduled refresh, try again after this long.
const RETRY_AFTER_FAILURE_MS = 30_000;
// Used when the server omits a usable `expiresIn`; short, so a wrong guess costs one extra refresh.
const FALLBACK_EXPIRES_IN_SECONDS = 300;

let state: SessionState = LOADING;
let accessToken: string | null = null;
// Bumped when the user signs in or out, so a refresh that was already in flight can tell that
// its answer is stale and must not overwrite what the user just did.
let generation = 0;
let refreshInFlight: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

/** The API client, sending the in-memory access token; same-origin because the API serves this app. */
export const api: Api = createApi({ baseUrl: '', getAccessToken: () => accessToken });

/**
 * The current access token, for the one kind of call the typed client cannot make: a streamed
 * response read with fetch (the live dashboard stream). Null when signed out.
 */
export function currentAccessToken(): string | null {
  return accessToken;
}

export function getSessionState(): SessionState {
  return state;
}

/** What the server renders: it never knows the session, so pages start out "loading". */
export function getServerSessionState(): SessionState {
  return LOADING;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), delayMs);
}

function refreshDelayMs(expiresIn: number): number {
  const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : FALLBACK_EXPIRES_IN_SECONDS;
  const lead = Math.min(REFRESH_LEAD_SECONDS, lifetime * 0.2);
  return Math.max(1, lifetime - lead) * 1000;
}

/** Takes over a token pair, unless a newer sign-in or sign-out (generation) overtook it. */
async function adopt(result: AuthResult, expectedGeneration: number): Promise<void> {
  // The contract lets /api/auth/refresh answer with the tokens only; ask who we are then.
  const user =
    result.user ?? (await createApi({ baseUrl: '', getAccessToken: () => result.accessToken }).auth.me());
  if (generation !== expectedGeneration) return;
  accessToken = result.accessToken;
  setState({ status: 'signed-in', user });
  scheduleRefresh(refreshDelayMs(result.expiresIn));
}

function clear(reason: 'anonymous' | 'logout' | 'expired'): void {
  generation += 1;
  accessToken = null;
  clearTimeout(refreshTimer);
  setState({ status: 'signed-out', user: null, reason });
}

/**
 * Tabs share one refresh cookie; if two tabs presented it at once the server would see a
 * reused token and revoke the whole login. A Web Lock makes refreshes take turns across tabs,
 * so the second one sends the cookie the first one just received.
 */
async function exclusively<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('eventhub-auth-refresh', task);
  }
  return task();
}

/** Whether this browser holds a refresh cookie, as far as script can tell. */
function sessionHinted(): boolean {
  return typeof document !== 'undefined' && hasSessionHint(document.cookie);
}

async function runRefresh(): Promise<boolean> {
  const startedAt = generation;
  // No cookie to exchange (never signed in here, signed out, or the login ended): the API could
  // only answer 401, which the browser would log as an error.
  if (!sessionHinted()) {
    clear(state.status === 'signed-in' ? 'expired' : 'anonymous');
    return false;
  }
  try {
    const result = await api.auth.refresh({});
    await adopt(result, startedAt);
    return state.status === 'signed-in';
  } catch (error) {
    // Someone signed in or out while this was in flight: their outcome stands.
    if (generation !== startedAt) return state.status === 'signed-in';
    if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
      // No cookie, an expired one, or a revoked login: simply signed out.
      clear(state.status === 'signed-in' ? 'expired' : 'anonymous');
      return false;
    }
    // The server is unreachable or failing; keep a live session and try again soon.
    console.error('Session refresh failed', error);
    if (state.status === 'loading') clear('anonymous');
    else scheduleRefresh(RETRY_AFTER_FAILURE_MS);
    return false;
  }
}

/**
 * Exchanges the refresh cookie for a new access token. Refresh tokens rotate and a reused
 * one revokes the login, so concurrent callers all share the one request in flight.
 * Resolves to whether the user is signed in afterwards.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= exclusively(runRefresh).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * Restores the session from the refresh cookie once per page load; later calls are no-ops. A
 * visitor without one is signed out at once, with no request.
 */
export function restoreSession(): void {
  if (state.status !== 'loading') return;
  if (sessionHinted()) void refreshSession();
  else clear('anonymous');
}

/** Calls the API with the current token; on a 401 refreshes once and retries the call. */
export async function authed<T>(call: (client: Api) => Promise<T>): Promise<T> {
  try {
    return await call(api);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (!(await refreshSession())) throw error;
    return call(api);
  }
}

/** Marks an explicit sign-in: a refresh still in flight carries the old cookie's answer, now stale. */
function claimGeneration(): number {
  generation += 1;
  return generation;
}

/**
 * Takes over a fresher copy of the signed-in user (e.g. verified just now); a user other than the
 * one signed in is ignored.
 */
export function updateSignedInUser(user: User): void {
  if (state.status === 'signed-in' && state.user.id === user.id) setState({ status: 'signed-in', user });
}

export async function signIn(credentials: { email: string; password: string }): Promise<User> {
  const result = await api.auth.login(credentials);
  await adopt(result, claimGeneration());
  return result.user;
}

export async function signUp(input: {
  email: string;
  password: string;
  name: string;
  role: 'customer' | 'organizer';
}): Promise<User> {
  const result = await api.auth.register(input);
  await adopt(result, claimGeneration());
  return result.user;
}

export async function signOut(): Promise<void> {
  // Let a refresh in flight land first, or its Set-Cookie could arrive after the logout.
  await refreshInFlight;
  try {
    await authed((client) => client.auth.logout({}));
  } catch (error) {
    // The login may already be revoked server-side; forgetting it locally is what matters.
    console.warn('Logout request failed', error);
  } finally {
    clear('logout');
  }
}
