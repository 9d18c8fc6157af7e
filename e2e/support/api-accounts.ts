import { expect, type APIRequestContext } from '@playwright/test';

/** A fresh account registered through the API for one spec, so specs never share login budgets. */
export interface FreshAccount {
  email: string;
  password: string;
  name: string;
  token: string;
}

export async function registerAccount(
  request: APIRequestContext,
  role: 'customer' | 'organizer',
  name: string,
  stamp: string,
): Promise<FreshAccount> {
  const email = `${role}.${stamp}@example.com`;
  const password = `e2e-${stamp}-Pa55word`;
  const response = await request.post('/api/auth/register', { data: { email, password, name, role } });
  expect(response.status(), await response.text()).toBe(201);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { email, password, name, token: accessToken };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Places and pays (test provider) one order through the API; returns its id. */
export async function buyTickets(
  request: APIRequestContext,
  token: string,
  eventId: string,
  items: { ticketTypeId: string; quantity: number }[],
): Promise<string> {
  const placed = await request.post('/api/orders', {
    headers: { ...bearer(token), 'idempotency-key': crypto.randomUUID() },
    data: { eventId, items },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const { id } = (await placed.json()) as { id: string };
  const paid = await request.post(`/api/orders/${id}/pay`, {
    headers: bearer(token),
    data: { outcome: 'succeeded' },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  return id;
}
