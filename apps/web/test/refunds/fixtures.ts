import { createApi, type RefundEntry } from '@eventhub/client';

/** A refund the provider refused three times, now waiting for a person; `overrides` change it. */
export function refundEntry(overrides: Partial<RefundEntry> = {}): RefundEntry {
  return {
    id: 'rf_1',
    orderId: 'ord_1',
    orderReference: 'K7QX-4R9M',
    eventId: 'evt_1',
    eventName: 'Jazz Night',
    buyer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    amount: 59.5,
    currency: 'EUR',
    ticketIds: ['tkt_1', 'tkt_2'],
    status: 'failed',
    reason: 'Event cancelled',
    attempts: 3,
    lastError: 'card_declined: the card was closed',
    nextAttemptAt: null,
    createdAt: '2026-12-01T09:30:00.000Z',
    updatedAt: '2026-12-01T10:30:00.000Z',
    ...overrides,
  };
}

/**
 * The real typed client over a fetch that answers from `answer` and records every request as
 * "METHOD /path?query", so a test sees what actually went over the wire.
 */
export function recordingApi(answer: (request: Request) => Response | Promise<Response>) {
  const requests: string[] = [];
  const api = createApi({
    baseUrl: 'http://api.test',
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      return answer(request);
    },
  });
  return { api, requests };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}
