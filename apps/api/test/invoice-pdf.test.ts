import { REVERSE_CHARGE_NOTE, type InvoiceDocument, type InvoiceLine } from '@eventhub/core';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, formatRate } from '../src/tickets/invoice-amounts';
import { renderInvoicePdf } from '../src/tickets/invoice-pdf';
import { allText, openPdf, pageText } from './support/pdf-text';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function title(pdf: PDFDocumentProxy): Promise<string | undefined> {
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
  return info.Title;
}

function line(overrides: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    description: 'General Admission',
    quantity: 1,
    unitPrice: 1000,
    discount: 0,
    taxRate: 19,
    net: 840,
    tax: 160,
    gross: 1000,
    ...overrides,
  };
}

// Prices include tax. Two lines at 19 % (one with a promo discount) and one at 7 %, so the
// per-rate sums differ from every single line's amounts.
function makeInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    id: 'inv_01',
    number: 'INV-2027-00042',
    kind: 'invoice',
    issuedAt: '2027-03-01T23:30:00Z',
    currency: 'EUR',
    seller: {
      name: 'Kesselhaus Kultur GmbH',
      company: 'Kesselhaus Kultur GmbH',
      address: {
        line1: 'Schönhauser Allee 36',
        line2: null,
        postalCode: '10435',
        city: 'Berlin',
        country: 'DE',
      },
      vatId: 'DE123456789',
      email: null,
    },
    buyer: {
      name: 'Łukasz Dvořák',
      company: 'Dvořák Events s.r.o.',
      address: { line1: 'Národní 12', line2: 'Floor 3', postalCode: '110 00', city: 'Praha', country: 'CZ' },
      vatId: 'CZ12345678',
      email: 'lukas@example.cz',
    },
    orderReference: 'K7QX-4R9M',
    event: { name: 'Spring Jazz Night', startsAt: '2027-03-05T18:30:00Z', timezone: 'Europe/Berlin' },
    lines: [
      line({
        description: 'VIP Lounge',
        quantity: 2,
        unitPrice: 65000,
        discount: 6500,
        net: 103740,
        tax: 19710,
        gross: 123450,
      }),
      line({
        description: 'General Admission',
        quantity: 1,
        unitPrice: 5950,
        net: 5000,
        tax: 950,
        gross: 5950,
      }),
      line({
        description: 'Programme booklet',
        quantity: 3,
        unitPrice: 1070,
        taxRate: 7,
        net: 3000,
        tax: 210,
        gross: 3210,
      }),
    ],
    taxes: [
      { rate: 19, net: 108740, tax: 20660 },
      { rate: 7, net: 3000, tax: 210 },
    ],
    net: 111740,
    tax: 20870,
    gross: 132610,
    pricesIncludeTax: true,
    reverseCharge: false,
    footer: 'Kesselhaus Kultur GmbH · IBAN DE02 1203 0000 0000 2020 51\nAmtsgericht Berlin HRB 12345',
    refersTo: null,
    ...overrides,
  };
}

describe('invoice PDF', () => {
  it('prints the parties, each tax rate, the totals and the document facts as text', async () => {
    const pdf = await openPdf(await renderInvoicePdf(makeInvoice()));

    expect(pdf.numPages).toBe(1);
    expect(await title(pdf)).toBe('Invoice INV-2027-00042');
    const text = await allText(pdf);
    expect(text).toContain('Invoice INV-2027-00042');
    // Issued 23:30 UTC on 1 March: the date printed is the UTC one, not Berlin's 2 March.
    expect(text).toContain('Issue date: 1 March 2027');
    for (const part of ['Kesselhaus Kultur GmbH', 'Schönhauser Allee 36', '10435 Berlin', 'Germany']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('VAT ID: DE123456789');
    // Helvetica has no "Ł" or "ř": the buyer's name loses those marks rather than printing garbage.
    for (const part of ['Lukasz Dvorák', 'Dvorák Events s.r.o.', 'Národní 12', '110 00 Praha', 'Czechia']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('VAT ID: CZ12345678');
    expect(text).toContain('lukas@example.cz');
    expect(text).toContain('Order K7QX-4R9M');
    expect(text).toContain('Event: Spring Jazz Night, 5 March 2027');
    expect(text).toContain('Prices include tax.');
    expect(text).not.toContain('Prices exclude tax');
    expect(text).not.toContain('Corrects invoice');
    expect(text).not.toContain(REVERSE_CHARGE_NOTE);

    // The discounted line, with its discount.
    expect(text).toMatch(/VIP Lounge 2 650\.00 65\.00 19% 1,037\.40 197\.10 1,234\.50/);
    // The tax summary: one row per rate with its own sums.
    expect(text).toMatch(/19% 1,087\.40 206\.60/);
    expect(text).toMatch(/7% 30\.00 2\.10/);
    expect(text).toMatch(/Net total\s+1,117\.40 EUR/);
    expect(text).toMatch(/Tax total\s+208\.70 EUR/);
    expect(text).toMatch(/Total\s+1,326\.10 EUR/);
    // The footer keeps its line break (not a "?" in its place).
    expect(text).toContain(
      'Kesselhaus Kultur GmbH · IBAN DE02 1203 0000 0000 2020 51 Amtsgericht Berlin HRB 12345',
    );
    expect(text).toContain('Page 1 of 1');
    await pdf.destroy();
  });

  it('prints a credit note with the invoice it corrects and its negative amounts', async () => {
    const credit = makeInvoice({
      id: 'inv_02',
      number: 'CRN-2027-00007',
      kind: 'credit_note',
      issuedAt: '2027-03-10T09:00:00Z',
      lines: [line({ quantity: -1, unitPrice: 5950, net: -5000, tax: -950, gross: -5950 })],
      taxes: [{ rate: 19, net: -5000, tax: -950 }],
      net: -5000,
      tax: -950,
      gross: -5950,
      refersTo: { id: 'inv_01', number: 'INV-2027-00042', issuedAt: '2027-03-01T23:30:00Z' },
    });

    const pdf = await openPdf(await renderInvoicePdf(credit));

    expect(await title(pdf)).toBe('Credit note CRN-2027-00007');
    const text = await allText(pdf);
    expect(text).toContain('Credit note CRN-2027-00007');
    expect(text).toContain('Issue date: 10 March 2027');
    expect(text).toContain('Corrects invoice INV-2027-00042 of 1 March 2027');
    expect(text).toMatch(/19% -50\.00 -9\.50/);
    expect(text).toMatch(/Total\s+-59\.50 EUR/);
    await pdf.destroy();
  });

  it('prints an amount wider than its column whole, on one line', async () => {
    const big = makeInvoice({
      lines: [
        line({
          quantity: 1000,
          unitPrice: 123456789,
          net: 103744780672,
          tax: 19711508328,
          gross: 123456289000,
        }),
      ],
    });

    const text = await allText(await openPdf(await renderInvoicePdf(big)));

    expect(text).toMatch(
      /General Admission 1000 1,234,567\.89 0\.00 19% 1,037,447,806\.72 197,115,083\.28 1,234,562,890\.00/,
    );
  });

  it('carries the reverse-charge note and says when prices exclude tax', async () => {
    const reverse = makeInvoice({
      lines: [line({ unitPrice: 5000, taxRate: 0, net: 5000, tax: 0, gross: 5000 })],
      taxes: [{ rate: 0, net: 5000, tax: 0 }],
      net: 5000,
      tax: 0,
      gross: 5000,
      pricesIncludeTax: false,
      reverseCharge: true,
      footer: null,
    });

    const text = await allText(await openPdf(await renderInvoicePdf(reverse)));

    expect(text).toContain(REVERSE_CHARGE_NOTE);
    expect(text).toContain('Prices exclude tax.');
    expect(text).toMatch(/Total\s+50\.00 EUR/);
  });

  it('continues a long invoice over several pages, totals on the last one', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      line({ description: `Seat block ${i + 1}`, net: 840, tax: 160, gross: 1000 }),
    );
    const long = makeInvoice({
      lines,
      taxes: [{ rate: 19, net: 50400, tax: 9600 }],
      net: 50400,
      tax: 9600,
      gross: 60000,
      reverseCharge: true,
    });

    const pdf = await openPdf(await renderInvoicePdf(long));

    expect(pdf.numPages).toBeGreaterThan(1);
    const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pageText(pdf, i + 1)));
    // Every line is printed once, none lost off the bottom of a page.
    for (let i = 1; i <= 60; i++) {
      expect(pages.filter((p) => new RegExp(`Seat block ${i} `).test(p))).toHaveLength(1);
    }
    pages.forEach((p, i) => {
      // Each continued page repeats the table header and carries the footer and its number.
      expect(p).toContain('Description Qty Unit price Discount Tax rate Net Tax Gross');
      expect(p).toContain('IBAN DE02 1203 0000 0000 2020 51');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const last = pages.at(-1)!;
    expect(last).toMatch(/Total\s+600\.00 EUR/);
    expect(last).toContain(REVERSE_CHARGE_NOTE);
    for (const earlier of pages.slice(0, -1)) expect(earlier).not.toMatch(/Net total/);
    await pdf.destroy();
  });
});

describe('invoice amounts', () => {
  it('formats minor units with the currency’s own decimals', () => {
    expect(formatAmount(123456, 'EUR')).toBe('1,234.56');
    expect(formatAmount(5, 'EUR')).toBe('0.05');
    expect(formatAmount(0, 'EUR')).toBe('0.00');
    expect(formatAmount(123456, 'JPY')).toBe('123,456');
    expect(formatAmount(1234567, 'KWD')).toBe('1,234.567');
    expect(formatAmount(123456789012, 'EUR')).toBe('1,234,567,890.12');
  });

  it('keeps the sign of credit amounts', () => {
    expect(formatAmount(-123456, 'EUR')).toBe('-1,234.56');
    expect(formatAmount(-7, 'EUR')).toBe('-0.07');
    expect(formatAmount(-1500, 'JPY')).toBe('-1,500');
    expect(formatMoney(-5950, 'EUR')).toBe('-59.50 EUR');
  });

  it('prints tax rates in percent with up to two decimals', () => {
    expect(formatRate(19)).toBe('19%');
    expect(formatRate(7.5)).toBe('7.5%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(5.55)).toBe('5.55%');
  });
});
