import { Type } from 'typebox';
import { IsoDateTime, Nullable } from './common';

const Text = (max: number) => Type.String({ maxLength: max });

export const PostalAddressBody = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Nullable(Text(200))),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 120 }),
    country: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }),
  },
  { additionalProperties: false },
);

export const PostalAddressSchema = Type.Object({
  line1: Type.String(),
  line2: Nullable(Type.String()),
  postalCode: Type.String(),
  city: Type.String(),
  country: Type.String(),
});

const VatId = Type.String({
  maxLength: 30,
  description: 'Checked against the format and check digits of its EU country (not looked up in VIES)',
});

export const BillingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    company: Type.Optional(Nullable(Text(200))),
    address: PostalAddressBody,
    vatId: Type.Optional(Nullable(VatId)),
  },
  {
    additionalProperties: false,
    description:
      "Billing details for the invoice; asked for when the event invoices (required when its invoicing is 'required', ignored when 'off')",
  },
);

export const BillingSchema = Type.Object({
  name: Type.String(),
  company: Nullable(Type.String()),
  address: PostalAddressSchema,
  vatId: Nullable(Type.String()),
});

export const OrganizerProfileBody = Type.Object(
  {
    legalName: Type.String({ minLength: 1, maxLength: 200 }),
    address: PostalAddressBody,
    vatId: Type.Optional(Nullable(VatId)),
    invoicePrefix: Type.Optional(
      Nullable(Type.String({ maxLength: 10, description: 'Letters and digits; default INV' })),
    ),
    invoiceFooter: Type.Optional(
      Nullable(
        Type.String({ maxLength: 1000, description: 'Printed on every invoice: bank details, registration' }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const OrganizerProfileSchema = Type.Object({
  legalName: Type.String(),
  address: PostalAddressSchema,
  vatId: Nullable(Type.String()),
  invoicePrefix: Type.String(),
  invoiceFooter: Nullable(Type.String()),
  updatedAt: IsoDateTime,
});

export const TaxRowSchema = Type.Object({
  rate: Type.Number({ description: 'Percent' }),
  net: Type.Number(),
  tax: Type.Number(),
});

const invoiceFields = {
  id: Type.String(),
  number: Type.String({ description: 'PREFIX-YYYY-NNNNN, gapless per organizer and year' }),
  kind: Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')]),
  issuedAt: IsoDateTime,
  currency: Type.String(),
  net: Type.Number({ description: 'Negative on a credit note' }),
  tax: Type.Number(),
  gross: Type.Number(),
  taxes: Type.Array(TaxRowSchema),
  orderId: Type.String(),
  correctsInvoiceId: Nullable(Type.String({ description: 'A credit note: the invoice it corrects' })),
  pdfUrl: Type.String({ description: 'The PDF; with an order token, add ?token=' }),
};

export const InvoiceSchema = Type.Object(invoiceFields);

export const OrganizerInvoiceSchema = Type.Object({
  ...invoiceFields,
  orderReference: Type.String(),
  eventId: Type.String(),
  eventName: Type.String(),
  buyer: Type.Object({
    name: Type.String(),
    company: Nullable(Type.String()),
    vatId: Nullable(Type.String()),
    country: Nullable(Type.String()),
  }),
});

export const InvoiceParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
