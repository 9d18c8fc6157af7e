import { ApiError, type Api, type OrganizerProfile } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { formatDocumentMoney, formatIssuedOn, invoiceFilename } from '../../features/invoices/invoice-format';
import {
  loadProfile,
  PROFILE_FIELDS,
  profileBody,
  profileDraftOf,
} from '../../features/invoices/profile-body';
import { toFormProblem } from '../../lib/form-problem';

const saved: OrganizerProfile = {
  legalName: 'Acme Events GmbH',
  address: { line1: 'Hauptstr. 1', line2: null, postalCode: '10115', city: 'Berlin', country: 'DE' },
  vatId: 'DE136695976',
  invoicePrefix: 'ACME',
  invoiceFooter: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function problem(status: number, code: ApiError['code'], errors?: { field: string; message: string }[]) {
  return new ApiError({ type: 'about:blank', title: 'Refused', status, code, ...(errors ? { errors } : {}) });
}

describe('the business profile form', () => {
  it('starts empty before the first save, and saves what was loaded unchanged', () => {
    expect(profileBody(profileDraftOf(null))).toEqual({
      legalName: '',
      address: { line1: '', postalCode: '', city: '', country: '' },
      vatId: null,
      invoicePrefix: null,
      invoiceFooter: null,
    });
    expect(profileBody(profileDraftOf(saved))).toEqual({
      legalName: 'Acme Events GmbH',
      address: { line1: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      vatId: 'DE136695976',
      invoicePrefix: 'ACME',
      invoiceFooter: null,
    });
  });

  it('trims what was typed and clears an optional field left empty', () => {
    const draft = {
      ...profileDraftOf(saved),
      legalName: ' Acme ',
      vatId: '  ',
      invoiceFooter: ' IBAN DE00 ',
    };
    expect(profileBody(draft)).toMatchObject({ legalName: 'Acme', vatId: null, invoiceFooter: 'IBAN DE00' });
  });

  it("shows the API's field errors next to the address parts and the VAT id", () => {
    const refused = problem(400, 'validation_failed', [
      { field: '/address/postalCode', message: 'must NOT have fewer than 1 characters' },
      { field: 'address.country', message: 'must be an ISO 3166-1 alpha-2 code such as DE' },
      { field: 'vatId', message: 'is not a valid VAT id for DE' },
    ]);
    expect(toFormProblem(refused, PROFILE_FIELDS)).toEqual({
      fields: {
        'address.postalCode': 'must NOT have fewer than 1 characters',
        'address.country': 'must be an ISO 3166-1 alpha-2 code such as DE',
        vatId: 'is not a valid VAT id for DE',
      },
      message: 'Please correct the highlighted fields.',
    });
  });

  it('loads as nothing before the first save (404), and fails on anything else', async () => {
    const answering = (get: () => Promise<OrganizerProfile>) =>
      ({ organizer: { profile: { get } } }) as unknown as Api;
    expect(await loadProfile(answering(async () => saved))).toBe(saved);
    expect(
      await loadProfile(
        answering(async () => {
          throw problem(404, 'not_found');
        }),
      ),
    ).toBeNull();
    await expect(
      loadProfile(
        answering(async () => {
          throw problem(403, 'forbidden');
        }),
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

describe('invoice documents', () => {
  it('are saved under their number, and dated by day', () => {
    expect(invoiceFilename({ number: 'ACME-2026-00001' })).toBe('ACME-2026-00001.pdf');
    expect(invoiceFilename({ number: 'A/B 1' })).toBe('A_B_1.pdf');
    expect(formatIssuedOn('2026-06-14T12:00:00.000Z')).toBe('Jun 14, 2026');
  });

  it("show a credit note's amounts with a true minus sign", () => {
    expect(formatDocumentMoney(-119, 'EUR')).toBe('\u2212€119.00');
    expect(formatDocumentMoney(238, 'EUR')).toBe('€238.00');
    expect(formatDocumentMoney(0, 'EUR')).toBe('€0.00');
  });
});
