import type PDFDocument from 'pdfkit';
import {
  REVERSE_CHARGE_NOTE,
  type InvoiceDocument,
  type InvoiceLine,
  type InvoiceParty,
} from '@eventhub/core';
import { formatAmount, formatMoney, formatRate } from './invoice-amounts';
import { collect, latin1Safe } from './pdf-output';

const MARGIN = 56;
// Kept free at the bottom of every page for the organizer's footer and the page number, so a long
// lines table breaks to a new page before it reaches them.
const FOOTER_HEIGHT = 52;
const GREY = '#555555';
const RULE = '#bbbbbb';
const TABLE_FONT_SIZE = 9;
// Room between a cell's text and its neighbour, and above/below a row's text.
const CELL_GAP = 4;
// A ticket type name longer than this many lines is cut with an ellipsis rather than filling a page.
const MAX_DESCRIPTION_LINES = 4;

interface Column {
  header: string;
  width: number;
  cell: (line: InvoiceLine, currency: string) => string;
}

// Widths add up to A4's 483 pt between the margins; an amount column holds "-1,234,567.89".
const LINE_COLUMNS: Column[] = [
  { header: 'Description', width: 127, cell: (l) => latin1Safe(l.description) },
  { header: 'Qty', width: 26, cell: (l) => String(l.quantity) },
  { header: 'Unit price', width: 60, cell: (l, c) => formatAmount(l.unitPrice, c) },
  { header: 'Discount', width: 54, cell: (l, c) => formatAmount(l.discount, c) },
  { header: 'Tax rate', width: 40, cell: (l) => formatRate(l.taxRate) },
  { header: 'Net', width: 60, cell: (l, c) => formatAmount(l.net, c) },
  { header: 'Tax', width: 56, cell: (l, c) => formatAmount(l.tax, c) },
  { header: 'Gross', width: 60, cell: (l, c) => formatAmount(l.gross, c) },
];
// The tax summary and totals sit under the right-hand columns of the lines table.
const SUMMARY_WIDTHS = [108, 80, 80];

/**
 * Renders an issued invoice or credit note as an A4 PDF with extractable text: parties, order and
 * event, the lines (continued over as many pages as they need), tax per rate, totals and notes.
 */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const title = `${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${invoice.number}`;
  // pdfkit and its font engine (~8 MB resident) load on the first PDF, not in every process.
  const { default: PdfDocument } = (await import('pdfkit')) as { default: typeof PDFDocument };
  const doc = new PdfDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    // Footers are drawn last, once the page count is known.
    bufferPages: true,
    info: { Title: latin1Safe(title), Author: latin1Safe(invoice.seller.name) },
  });
  const output = collect(doc);

  drawHeading(doc, invoice, title);
  drawParties(doc, invoice);
  drawReferences(doc, invoice);
  drawLines(doc, invoice);
  drawTotals(doc, invoice);
  drawFooters(doc, invoice.footer);
  doc.end();
  return output;
}

function drawHeading(doc: PDFKit.PDFDocument, invoice: InvoiceDocument, title: string) {
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(latin1Safe(title));
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  doc.text(`Issue date: ${formatDate(invoice.issuedAt, 'UTC')}`);
  if (invoice.refersTo) {
    const { number, issuedAt } = invoice.refersTo;
    doc.text(latin1Safe(`Corrects invoice ${number} of ${formatDate(issuedAt, 'UTC')}`));
  }
}

function drawParties(doc: PDFKit.PDFDocument, invoice: InvoiceDocument) {
  const top = doc.y + 18;
  const width = 220;
  const sellerBottom = drawParty(doc, 'From', invoice.seller, MARGIN, top, width);
  const buyerBottom = drawParty(doc, 'Bill to', invoice.buyer, doc.page.width - MARGIN - width, top, width);
  doc.x = MARGIN;
  doc.y = Math.max(sellerBottom, buyerBottom);
}

/** Draws one party's block from `top` and returns where it ends. */
function drawParty(
  doc: PDFKit.PDFDocument,
  heading: string,
  party: InvoiceParty,
  x: number,
  top: number,
  width: number,
): number {
  doc.x = x;
  doc.y = top;
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(heading, { width });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(latin1Safe(party.name), { width });
  doc.font('Helvetica');
  const address = party.address;
  const lines = [
    party.company,
    address?.line1,
    address?.line2,
    address && `${address.postalCode} ${address.city}`,
    address && countryName(address.country),
    party.vatId && `VAT ID: ${party.vatId}`,
    party.email,
  ];
  for (const line of lines) {
    if (line) doc.text(latin1Safe(line), { width });
  }
  return doc.y;
}

function drawReferences(doc: PDFKit.PDFDocument, invoice: InvoiceDocument) {
  const { event } = invoice;
  const when = event.startsAt ? formatDate(event.startsAt, event.timezone) : 'date to be announced';
  doc.moveDown(1.5).font('Helvetica').fontSize(10).fillColor('black');
  doc.text(`Order ${latin1Safe(invoice.orderReference)}`);
  doc.text(latin1Safe(`Event: ${event.name}, ${when}`));
  doc.moveDown(0.5).fillColor(GREY);
  doc.text(
    `All amounts in ${invoice.currency}. ${invoice.pricesIncludeTax ? 'Prices include tax.' : 'Prices exclude tax.'}`,
  );
  doc.moveDown(0.8);
}

function drawLines(doc: PDFKit.PDFDocument, invoice: InvoiceDocument) {
  const widths = LINE_COLUMNS.map((c) => c.width);
  const header = LINE_COLUMNS.map((c) => c.header);
  drawRow(doc, widths, header, { bold: true });
  for (const line of invoice.lines) {
    const cells = LINE_COLUMNS.map((c) => c.cell(line, invoice.currency));
    if (doc.y + rowHeight(doc, widths, cells) > doc.page.maxY()) {
      doc.addPage();
      // A continued table repeats its header so each page's numbers stay readable on their own.
      drawRow(doc, widths, header, { bold: true });
    }
    drawRow(doc, widths, cells);
  }
}

function drawTotals(doc: PDFKit.PDFDocument, invoice: InvoiceDocument) {
  const { currency } = invoice;
  const rows: { cells: string[]; bold?: boolean }[] = [
    { cells: ['Tax rate', 'Net', 'Tax'], bold: true },
    ...invoice.taxes.map((t) => ({
      cells: [formatRate(t.rate), formatAmount(t.net, currency), formatAmount(t.tax, currency)],
    })),
    { cells: ['Net total', '', formatMoney(invoice.net, currency)] },
    { cells: ['Tax total', '', formatMoney(invoice.tax, currency)] },
    { cells: ['Total', '', formatMoney(invoice.gross, currency)], bold: true },
  ];
  const width = doc.page.width - 2 * MARGIN;
  const note = invoice.reverseCharge ? REVERSE_CHARGE_NOTE : null;
  doc.font('Helvetica-Bold').fontSize(TABLE_FONT_SIZE);
  const noteHeight = note ? doc.heightOfString(note, { width }) + 16 : 0;
  const needed = 16 + rows.reduce((sum, r) => sum + rowHeight(doc, SUMMARY_WIDTHS, r.cells), 0) + noteHeight;
  // Summary, totals and note stay together, so the totals are always on the last page.
  if (doc.y + needed > doc.page.maxY()) doc.addPage();

  doc.y += 16;
  const left = doc.page.width - MARGIN - SUMMARY_WIDTHS.reduce((a, b) => a + b, 0);
  for (const row of rows) drawRow(doc, SUMMARY_WIDTHS, row.cells, { bold: row.bold, left });
  if (note) {
    doc.x = MARGIN;
    doc.y += 16;
    doc.font('Helvetica-Bold').fontSize(TABLE_FONT_SIZE).fillColor('black').text(note, { width });
  }
}

/** The organizer's footer (its own line breaks kept) and the page number at the foot of every page. */
function drawFooters(doc: PDFKit.PDFDocument, footer: string | null) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - 2 * MARGIN;
    const bottom = doc.page.height - MARGIN;
    doc.font('Helvetica').fontSize(8).fillColor(GREY);
    // An explicit height keeps pdfkit from breaking text below the bottom margin onto a new page.
    if (footer) {
      doc.text(footer.split(/\r?\n/).map(latin1Safe).join('\n'), MARGIN, bottom - FOOTER_HEIGHT + 8, {
        width,
        height: FOOTER_HEIGHT - 22,
        ellipsis: true,
      });
    }
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, bottom - 10, { width, height: 10, align: 'right' });
  }
}

/** Only the first cell wraps; the others are one line each (see drawRow). */
function rowHeight(doc: PDFKit.PDFDocument, widths: number[], cells: string[]): number {
  doc.font('Helvetica').fontSize(TABLE_FONT_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  const text = Math.max(lineHeight, doc.heightOfString(cells[0]!, { width: widths[0]! - CELL_GAP }));
  return Math.min(text, lineHeight * MAX_DESCRIPTION_LINES) + 2 * CELL_GAP;
}

/**
 * One table row from `doc.y`: the first cell left-aligned and wrapped, the rest right-aligned on
 * one line, a rule beneath. An amount wider than its column is set smaller rather than wrapped:
 * "1,234,567.8" over "9" would misstate it.
 */
function drawRow(
  doc: PDFKit.PDFDocument,
  widths: number[],
  cells: string[],
  { bold = false, left = MARGIN }: { bold?: boolean; left?: number } = {},
) {
  const height = rowHeight(doc, widths, cells);
  const top = doc.y;
  doc
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(TABLE_FONT_SIZE)
    .fillColor('black');
  let x = left;
  cells.forEach((cell, i) => {
    const width = widths[i]! - CELL_GAP;
    if (i === 0) {
      // Bounded by the row, so an over-long description ends in "…" instead of running on.
      doc.text(cell, x, top + CELL_GAP, { width, height: height - CELL_GAP, ellipsis: true });
    } else {
      const natural = doc.fontSize(TABLE_FONT_SIZE).widthOfString(cell);
      if (natural > width) doc.fontSize((TABLE_FONT_SIZE * width) / natural);
      doc.text(cell, x + CELL_GAP, top + CELL_GAP, { width, height: height - CELL_GAP, align: 'right' });
    }
    x += widths[i]!;
  });
  doc.fontSize(TABLE_FONT_SIZE);
  doc
    .moveTo(left, top + height)
    .lineTo(x, top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

/** The calendar date of an instant in a zone, e.g. "5 March 2027". */
function formatDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "DE" → "Germany"; the code itself when the runtime does not know it. */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
