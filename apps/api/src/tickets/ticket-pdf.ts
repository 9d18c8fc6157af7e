import type PDFDocument from 'pdfkit';
import type { PrintableEvent, PrintableOrder, PrintableTicket } from '@eventhub/core';
import { collect, latin1Safe } from './pdf-output';

const MARGIN = 56;
// 260 pt ≈ 92 mm: a 140-character code needs a version 8 symbol (49 modules + quiet zone),
// which leaves each module ≈ 1.6 mm wide on paper — comfortable for phone and door scanners.
const QR_SIZE = 260;
const GREY = '#555555';

/**
 * Renders an order's tickets as an A4 PDF: one page per ticket that is not void, each with the
 * event, holder and a large QR code of the ticket's code; one explanatory page when none are left.
 */
export async function renderTicketsPdf(order: PrintableOrder): Promise<Buffer> {
  const tickets = order.tickets.filter((t) => t.status !== 'void');
  // Make every QR image first: pdfkit draws synchronously and must not be interleaved with awaits.
  const qrImages = await Promise.all(tickets.map((t) => qrPng(t.code)));

  // pdfkit and its font engine (~8 MB resident) load on the first PDF, not in every process.
  const { default: PdfDocument } = (await import('pdfkit')) as { default: typeof PDFDocument };
  const doc = new PdfDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: latin1Safe(`Tickets: ${order.event.name}`), Author: 'EventHub' },
  });
  const output = collect(doc);

  tickets.forEach((ticket, i) => drawTicketPage(doc, order, ticket, qrImages[i]!));
  if (tickets.length === 0) {
    doc.addPage();
    drawEventHeading(doc, order.event);
    doc.moveDown().font('Helvetica').fontSize(14).fillColor('black');
    doc.text(`Order ${order.reference} has no valid tickets.`);
  }
  doc.end();
  return output;
}

function drawTicketPage(doc: PDFKit.PDFDocument, order: PrintableOrder, ticket: PrintableTicket, qr: Buffer) {
  doc.addPage();
  drawEventHeading(doc, order.event);

  const qrTop = doc.y + 24;
  doc.image(qr, (doc.page.width - QR_SIZE) / 2, qrTop, { width: QR_SIZE, height: QR_SIZE });
  doc.x = MARGIN;
  doc.y = qrTop + QR_SIZE + 24;

  doc.font('Helvetica-Bold').fontSize(18).fillColor('black');
  doc.text(latin1Safe(ticket.ticketTypeName), { align: 'center' });
  doc.font('Helvetica').fontSize(14).text(latin1Safe(ticket.holderName), { align: 'center' });
  if (ticket.status === 'used') {
    doc.fontSize(11).fillColor(GREY).text('Already checked in', { align: 'center' });
  }
  doc.moveDown(2).fontSize(9).fillColor(GREY);
  doc.text(`Order ${order.reference}`).text(`Ticket ${ticket.id}`);
}

function drawEventHeading(doc: PDFKit.PDFDocument, event: PrintableEvent) {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text('EventHub ticket');
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(24).fillColor('black');
  // Capped at three lines so a very long name cannot push the QR code off the page.
  doc.text(latin1Safe(event.name), { width, height: 90, ellipsis: true });
  doc.moveDown(0.5).font('Helvetica').fontSize(13).text(formatStart(event));
  const venue = event.venue;
  if (venue) {
    const place = [venue.city, venue.country].filter(Boolean).join(', ');
    for (const line of [venue.name, venue.address, place]) {
      if (line) doc.text(latin1Safe(line), { width });
    }
  }
}

/** The start in the event's own zone, named, e.g. "Friday, 5 March 2027 at 19:30 CET (Europe/Berlin)". */
function formatStart(event: PrintableEvent): string {
  if (!event.startsAt) return 'Date to be announced';
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: event.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(event.startsAt));
  return latin1Safe(`${local} (${event.timezone})`);
}

async function qrPng(code: string): Promise<Buffer> {
  // Same settings as the e-mailed ticket QR, so both print and scan alike.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 4, scale: 8, type: 'png' });
}
