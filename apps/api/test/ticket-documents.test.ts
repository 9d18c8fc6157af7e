import { randomBytes } from 'node:crypto';
import { ConflictError } from '@eventhub/core';
import jsQR from 'jsqr';
import { ImageKind, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderEventIcs } from '../src/tickets/event-ics';
import type { PrintableEvent, PrintableOrder, PrintableTicket } from '@eventhub/core';
import { renderTicketsPdf } from '../src/tickets/ticket-pdf';
import { openPdf } from './support/pdf-text';

// Real ticket codes are signed tokens of about this size; a short code would hide a QR too small to scan.
const ticketCode = () => randomBytes(105).toString('base64url');

function makeEvent(overrides: Partial<PrintableEvent> = {}): PrintableEvent {
  return {
    id: 'evt_7f3a9c',
    name: 'Spring Jazz Night',
    description: 'An evening of modern jazz; doors open at 19:00.',
    startsAt: '2027-03-05T18:30:00Z',
    endsAt: null,
    timezone: 'Europe/Berlin',
    venue: { name: 'Kesselhaus', address: 'Schönhauser Allee 36', city: 'Berlin', country: 'Germany' },
    url: 'https://eventhub.example/events/spring-jazz-night',
    ...overrides,
  };
}

function makeTicket(overrides: Partial<PrintableTicket> = {}): PrintableTicket {
  return {
    id: `tkt_${randomBytes(4).toString('hex')}`,
    code: ticketCode(),
    holderName: 'Maria Keller',
    ticketTypeName: 'General Admission',
    status: 'valid',
    ...overrides,
  };
}

async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The pixels of every image painted on the page, as pdf.js decoded them. */
async function pageImages(page: PDFPageProxy): Promise<DecodedImage[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const names = fnArray.flatMap((fn, i) => (fn === OPS.paintImageXObject ? [argsArray[i][0] as string] : []));
  return Promise.all(
    names.map(
      (name) =>
        new Promise<DecodedImage>((resolve) =>
          // Images pdf.js considers shared are kept in commonObjs under a "g_" name.
          (name.startsWith('g_') ? page.commonObjs : page.objs).get(name, resolve),
        ),
    ),
  );
}

function toRgba({ width, height, kind, data }: DecodedImage): Uint8ClampedArray {
  if (kind === ImageKind.RGBA_32BPP) return new Uint8ClampedArray(data);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    let r: number, g: number, b: number;
    if (kind === ImageKind.RGB_24BPP) {
      [r, g, b] = [data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!];
    } else if (kind === ImageKind.GRAYSCALE_1BPP) {
      // One bit per pixel, rows padded to whole bytes, a set bit is white.
      const x = p % width;
      const y = Math.floor(p / width);
      const byte = data[y * Math.ceil(width / 8) + (x >> 3)]!;
      r = g = b = byte & (0x80 >> (x & 7)) ? 255 : 0;
    } else {
      throw new Error(`unexpected image kind ${kind}`);
    }
    rgba.set([r, g, b, 255], p * 4);
  }
  return rgba;
}

function scan(image: DecodedImage): string | undefined {
  return jsQR(toRgba(image), image.width, image.height)?.data;
}

describe('tickets PDF', () => {
  it('prints one page per valid ticket whose QR code scans back to that ticket', async () => {
    const maria = makeTicket();
    const jonas = makeTicket({ holderName: 'Łukasz Dvořák', ticketTypeName: 'VIP Lounge' });
    const voided = makeTicket({ holderName: 'Voided Holder', status: 'void' });
    const order: PrintableOrder = {
      orderId: 'ord_51c0de',
      reference: 'K7QX-4R9M',
      buyerName: 'Maria Keller',
      event: makeEvent(),
      tickets: [maria, voided, jonas],
    };

    const pdf = await openPdf(await renderTicketsPdf(order));

    expect(pdf.numPages).toBe(2);
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe('Tickets: Spring Jazz Night');
    for (const [index, ticket, printedName] of [
      [1, maria, 'Maria Keller'],
      // Helvetica has no "Ł" or "ř": the name loses those marks rather than printing garbage.
      [2, jonas, 'Lukasz Dvorák'],
    ] as const) {
      const page = await pdf.getPage(index);
      const text = await pageText(page);
      expect(text).toContain('Spring Jazz Night');
      expect(text).toContain('Friday, 5 March 2027 at 19:30 CET (Europe/Berlin)');
      for (const part of ['Kesselhaus', 'Schönhauser Allee 36', 'Berlin, Germany', printedName]) {
        expect(text).toContain(part);
      }
      expect(text).toContain(ticket.ticketTypeName);
      expect(text).toContain('Order K7QX-4R9M');
      expect(text).toContain(ticket.id);
      expect(text).not.toContain('Voided Holder');

      const images = await pageImages(page);
      expect(images).toHaveLength(1);
      expect(scan(images[0]!)).toBe(ticket.code);
    }
    await pdf.destroy();
  });

  it('says so on a single page when no ticket is valid, and announces a missing date', async () => {
    const order: PrintableOrder = {
      orderId: 'ord_000void',
      reference: 'VQYD-2222',
      buyerName: 'Maria Keller',
      event: makeEvent({ startsAt: null, venue: null }),
      tickets: [makeTicket({ status: 'void' })],
    };

    const pdf = await openPdf(await renderTicketsPdf(order));

    expect(pdf.numPages).toBe(1);
    const text = await pageText(await pdf.getPage(1));
    expect(text).toContain('Date to be announced');
    expect(text).toContain('Order VQYD-2222 has no valid tickets.');
    await pdf.destroy();
  });

  it('uses QR settings that decode from a plain PNG as well', async () => {
    const code = ticketCode();
    const png = await QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 4, scale: 8, type: 'png' });
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(code);
  });
});

describe('event calendar file', () => {
  const now = new Date('2027-01-10T09:15:00Z');

  it('publishes the event as one VEVENT in UTC with CRLF line endings', () => {
    const ics = renderEventIcs(makeEvent(), now);

    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    // Long lines are folded (CRLF + whitespace); unfold before reading properties.
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('UID:evt_7f3a9c@eventhub');
    expect(lines).toContain('DTSTAMP:20270110T091500Z');
    expect(lines).toContain('DTSTART:20270305T183000Z');
    expect(lines).toContain('DTEND:20270305T203000Z');
    expect(lines).toContain('SUMMARY:Spring Jazz Night');
    expect(lines).toContain('LOCATION:Kesselhaus\\, Schönhauser Allee 36\\, Berlin\\, Germany');
    expect(lines).toContain('DESCRIPTION:An evening of modern jazz\\; doors open at 19:00.');
    expect(lines).toContain('URL:https://eventhub.example/events/spring-jazz-night');
  });

  it('uses the event end when there is one', () => {
    const ics = renderEventIcs(makeEvent({ endsAt: '2027-03-05T22:00:00Z' }), now);

    expect(ics).toContain('\r\nDTEND:20270305T220000Z\r\n');
  });

  it('refuses an event that has no start yet', () => {
    const render = () => renderEventIcs(makeEvent({ startsAt: null }), now);

    expect(render).toThrow(ConflictError);
    expect(render).toThrow(expect.objectContaining({ kind: 'conflict', code: 'not_scheduled' }));
  });
});
