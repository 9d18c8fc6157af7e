'use client';

import { createContext, use, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import {
  authed,
  getServerSessionState,
  getSessionState,
  restoreSession,
  signIn,
  signOut,
  signUp,
  subscribeToSession,
  updateSignedInUser,
  type SessionState,
} from './session';

export interface AuthValue {
  session: SessionState;
  signIn: typeof signIn;
  signUp: typeof signUp;
  signOut: typeof signOut;
  /** Calls the API as the signed-in user, refreshing the token once on a 401. */
  authed: typeof authed;
  updateSignedInUser: typeof updateSignedInUser;
}

const AuthContext = createContext<AuthValue | null>(null);

const actions = { signIn, signUp, signOut, authed, updateSignedInUser };

/** Provides the in-memory session to the app and restores it from the refresh cookie on load. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeToSession, getSessionState, getServerSessionState);

  useEffect(() => {
    // Safe under StrictMode's double effects: the session module shares one refresh in flight.
    restoreSession();
  }, []);

  const value = useMemo(() => ({ session, ...actions }), [session]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth() must be called inside <AuthProvider>');
  return value;
}
