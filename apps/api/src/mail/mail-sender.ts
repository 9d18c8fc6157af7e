import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmailMessage, InvoiceDocument, PrintableOrder } from '@eventhub/core';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import { renderEventIcs } from '../tickets/event-ics';
import { renderTicketsPdf } from '../tickets/ticket-pdf';
import { renderInvoicePdf } from '../tickets/invoice-pdf';

const MAX_QR_ATTACHMENTS = 10;

export const MAIL_FROM = 'EventHub <no-reply@eventhub.local>';

/** Where local mode drops outgoing mail: one .eml per message plus a small .json index entry. */
export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

/**
 * Renders a message's attachments and sends it: the CPU- and memory-hungry half of delivering
 * mail, which needs no database (the mail worker process runs it; mailer.ts reads the order).
 */
export type MailSender = (message: EmailMessage, attachments: MailAttachments, now: Date) => Promise<void>;

/** What a message attaches, read from the database before rendering (mailer.ts). */
export interface MailAttachments {
  /** The order whose tickets go along. */
  order: PrintableOrder | null;
  /** Invoices and credit notes, attached as PDFs. */
  invoices: InvoiceDocument[];
}

async function invoiceAttachments(invoices: InvoiceDocument[]) {
  return Promise.all(
    invoices.map(async (invoice) => ({
      filename: `${invoice.number}.pdf`,
      content: await renderInvoicePdf(invoice),
      contentType: 'application/pdf',
    })),
  );
}

/**
 * The tickets of an order: the printable PDF (one page per ticket), each ticket's QR as a PNG for
 * phone wallets, and the event as an .ics file when it has a date.
 */
async function ticketAttachments(order: PrintableOrder, now: Date) {
  const valid = order.tickets.filter((t) => t.status !== 'void');
  // The PDF carries every ticket; separate QR images only for orders small enough to scroll.
  const { default: QRCode } = await import('qrcode');
  const qrPngs = await Promise.all(
    valid.slice(0, MAX_QR_ATTACHMENTS).map(async (t, i) => ({
      filename: `ticket-${i + 1}-${t.holderName.replace(/[^\w-]+/g, '_').slice(0, 40)}.png`,
      content: await QRCode.toBuffer(t.code, { errorCorrectionLevel: 'M', margin: 4, scale: 8 }),
      contentType: 'image/png',
    })),
  );
  return [
    {
      filename: `tickets-${order.orderId}.pdf`,
      content: await renderTicketsPdf(order),
      contentType: 'application/pdf',
    },
    ...qrPngs,
    ...(order.event.startsAt
      ? [
          {
            filename: 'event.ics',
            content: renderEventIcs(order.event, now),
            contentType: 'text/calendar; charset=utf-8',
          },
        ]
      : []),
  ];
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise (local mode) each message is rendered
 * by nodemailer to a real .eml file in DATA_DIR/outbox, listed by the web app's dev mailbox.
 */
export function createMailSender(config: Config): MailSender {
  // nodemailer loads with the first message: a process that sends none never holds it.
  let transport: Promise<Transporter> | undefined;
  const openTransport = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  };
  return async (message, { order, invoices }, now) => {
    const attachments = [
      ...(order ? await ticketAttachments(order, now) : []),
      ...(await invoiceAttachments(invoices)),
    ];
    transport ??= openTransport();
    const info = await (
      await transport
    ).sendMail({
      from: MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      attachments,
    });
    if (config.smtpUrl) return;
    const dir = outboxDir(config);
    await mkdir(dir, { recursive: true });
    const id =
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]+/g, '')}`.slice(
        0,
        120,
      );
    await writeFile(path.join(dir, `${id}.eml`), (info as unknown as { message: Buffer }).message);
    await writeFile(
      path.join(dir, `${id}.json`),
      JSON.stringify({ id, to: message.to, subject: message.subject, date: new Date().toISOString() }),
    );
  };
}
