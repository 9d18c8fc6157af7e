'use client';

import { createApi, type Api } from '@eventhub/client';
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { orderTokenFor } from './order-token';
import { RequireRole } from '@/features/auth/require-role';
import { useAuth } from '@/lib/auth-context';
import { sessionStore } from '@/lib/session-store';
import type { ApiCall } from '@/lib/use-api-data';

/**
 * How the order pages reach one order: as the signed-in user, or (a guest, or anyone holding the
 * e-mailed link) with the order's token in `X-Order-Token`. The same components serve both; they
 * call through `useOrderAccess().call` instead of `authed`.
 */
export interface OrderAccess {
  call: ApiCall;
  /** The order's token when the page acts with it; its holder may do what the buyer may. */
  token: string | null;
}

const OrderAccessContext = createContext<OrderAccess | null>(null);

/** An API client that sends the order's token instead of any sign-in. */
function tokenClient(token: string): Api {
  return createApi({
    baseUrl: '',
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set('X-Order-Token', token);
      return fetch(request);
    },
  });
}

/** The order pages' way to the API: the token's when a page was given one, else the user's. */
export function useOrderAccess(): OrderAccess {
  const { authed } = useAuth();
  const provided = use(OrderAccessContext);
  return useMemo(() => provided ?? { call: authed, token: null }, [provided, authed]);
}

function TokenAccess({ token, children }: { token: string; children: ReactNode }) {
  const value = useMemo<OrderAccess>(() => {
    const client = tokenClient(token);
    return { call: (call) => call(client), token };
  }, [token]);
  return <OrderAccessContext value={value}>{children}</OrderAccessContext>;
}

/**
 * Shows an order's page to whoever may see it: with the link's `?token=` or one this tab kept
 * (a guest's checkout), through the token; otherwise to the signed-in user, after logging in.
 */
export function OrderAccessGate({
  orderId,
  linkToken,
  children,
}: {
  orderId: string;
  /** `?token=` as the link carried it, if at all. */
  linkToken: string | undefined;
  children: ReactNode;
}) {
  // undefined until the browser's sessionStorage has been read (never on the server).
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => setToken(orderTokenFor(sessionStore(), orderId, linkToken)), [orderId, linkToken]);

  if (token === undefined) return <p aria-busy="true">Loading…</p>;
  if (token === null) return <RequireRole>{children}</RequireRole>;
  return <TokenAccess token={token}>{children}</TokenAccess>;
}
