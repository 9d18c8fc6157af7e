/**
 * An invoice or credit note as it was issued: everything its PDF shows, frozen at issue time
 * (the seller's profile and the buyer's billing details may change later; the document may not).
 * Amounts are integer minor units of `currency`; a credit note's amounts are negative, so the
 * documents of an order add up to what was kept.
 */
export interface InvoiceDocument {
  id: string;
  /** `PREFIX-YYYY-NNNNN`. */
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: string;
  currency: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  orderReference: string;
  event: { name: string; startsAt: string | null; timezone: string };
  lines: InvoiceLine[];
  /** One row per tax rate, lines summed. */
  taxes: TaxRow[];
  net: number;
  tax: number;
  gross: number;
  /** The tier prices were entered with tax included (the lines' unit prices are gross). */
  pricesIncludeTax: boolean;
  /** EU reverse charge: no VAT charged, the buyer accounts for it; the PDF prints the note. */
  reverseCharge: boolean;
  /** The organizer's footer text (bank details, registration), if any. */
  footer: string | null;
  /** A credit note names the invoice it corrects. */
  refersTo: { id: string; number: string; issuedAt: string } | null;
}

export interface InvoiceParty {
  name: string;
  company: string | null;
  address: PostalAddress | null;
  vatId: string | null;
  email: string | null;
}

export interface PostalAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface InvoiceLine {
  /** The ticket type's name. */
  description: string;
  quantity: number;
  /** The tier's price per ticket as entered (gross if `pricesIncludeTax`, else net). */
  unitPrice: number;
  /** What promo codes took off this line. */
  discount: number;
  /** Percent, up to two decimals (19, 7.5). */
  taxRate: number;
  net: number;
  tax: number;
  gross: number;
}

export interface TaxRow {
  /** Percent, up to two decimals. */
  rate: number;
  net: number;
  tax: number;
}

/** The note an invoice under EU reverse charge must carry (Art. 196 of Directive 2006/112/EC). */
export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';
