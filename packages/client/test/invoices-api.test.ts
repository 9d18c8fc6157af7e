import { describe, expect, it } from 'vitest';
import { ApiError, createApi, invoicePdfHref, organizerInvoicesCsvPath } from '../src/index';

/** A client whose fetch answers from `respond` and records what was asked. */
function clientAnswering(respond: (request: Request) => Response) {
  const seen: Request[] = [];
  const api = createApi({
    baseUrl: 'http://api.test',
    getAccessToken: () => 'access-1',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push(request);
      return respond(request);
    },
  });
  return { api, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('invoice wrappers', () => {
  it("lists an order's invoices and fetches a PDF as a blob, with the access token", async () => {
    const invoice = { id: 'inv1', number: 'INV-2026-00001', pdfUrl: '/api/invoices/inv1.pdf' };
    const { api, seen } = clientAnswering((request) =>
      request.url.endsWith('.pdf')
        ? new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } })
        : json([invoice]),
    );
    expect(await api.invoices.ofOrder('o1')).toEqual([invoice]);
    const pdf = await api.invoices.pdf('inv1');
    expect(pdf).toBeInstanceOf(Blob);
    expect(await pdf.text()).toBe('%PDF-1.7');
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/orders/o1/invoices',
      '/api/invoices/inv1.pdf',
    ]);
    expect(seen.every((r) => r.headers.get('authorization') === 'Bearer access-1')).toBe(true);
  });

  it("saves the business profile with PUT and turns the API's problem into an ApiError with its fields", async () => {
    const { api, seen } = clientAnswering(() =>
      json(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          errors: [{ field: 'vatId', message: 'is not a valid VAT id for DE' }],
        },
        400,
      ),
    );
    const saving = api.organizer.profile.save({
      legalName: 'Acme GmbH',
      address: { line1: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      vatId: 'DE000',
    });
    await expect(saving).rejects.toBeInstanceOf(ApiError);
    const error = (await saving.catch((e: unknown) => e)) as ApiError;
    expect(error.problem.errors).toEqual([{ field: 'vatId', message: 'is not a valid VAT id for DE' }]);
    expect(seen[0]!.method).toBe('PUT');
    expect(await seen[0]!.json()).toMatchObject({ legalName: 'Acme GmbH' });
  });

  it("pages the organizer's invoices by issue time and fetches the same range as CSV", async () => {
    const { api, seen } = clientAnswering((request) =>
      request.url.includes('.csv')
        ? new Response('number,kind\r\n', { headers: { 'content-type': 'text/csv' } })
        : json({ items: [], page: 2, pageSize: 50, total: 0 }),
    );
    const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
    expect((await api.organizer.invoices.list({ ...range, page: 2 })).page).toBe(2);
    expect(await (await api.organizer.invoices.csv(range)).text()).toBe('number,kind\r\n');
    const [list, csv] = seen.map((r) => new URL(r.url));
    expect(list!.pathname).toBe('/api/organizer/invoices');
    expect(Object.fromEntries(list!.searchParams)).toEqual({ ...range, page: '2' });
    expect(`${csv!.pathname}${csv!.search}`).toBe(organizerInvoicesCsvPath(range));
  });
});

describe('invoice links', () => {
  it("carries the order's token in ?token= for a plain link", () => {
    expect(invoicePdfHref({ pdfUrl: '/api/invoices/inv1.pdf' }, 'tok_en-1234567890')).toBe(
      '/api/invoices/inv1.pdf?token=tok_en-1234567890',
    );
    expect(invoicePdfHref({ pdfUrl: '/api/invoices/inv1.pdf?x=1' }, 'a+b')).toBe(
      '/api/invoices/inv1.pdf?x=1&token=a%2Bb',
    );
  });

  it('names the CSV of a range, or of everything', () => {
    expect(organizerInvoicesCsvPath()).toBe('/api/organizer/invoices.csv');
    expect(organizerInvoicesCsvPath({ from: '2026-01-01T00:00:00.000Z' })).toBe(
      '/api/organizer/invoices.csv?from=2026-01-01T00%3A00%3A00.000Z',
    );
  });
});
