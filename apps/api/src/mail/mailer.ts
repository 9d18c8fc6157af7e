import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPrintableOrder, type Actor, type Db, type EmailMessage, type Mailer } from '@eventhub/core';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import { renderEventIcs } from '../tickets/event-ics';
import { renderTicketsPdf } from '../tickets/ticket-pdf';

const MAX_QR_ATTACHMENTS = 10;

// The mailer reads orders on the system's behalf, as an admin would, never for a caller.
const SYSTEM_READER: Actor = { userId: 'system', role: 'admin', organizerId: null, sessionId: 'system' };

export const MAIL_FROM = 'EventHub <no-reply@eventhub.local>';

/** Where local mode drops outgoing mail: one .eml per message plus a small .json index entry. */
export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

/**
 * The tickets of an order: the printable PDF (one page per ticket), each ticket's QR as a PNG for
 * phone wallets, and the event as an .ics file when it has a date. Rendered at delivery from the
 * database, so a ticket reissued in between is mailed with its new code.
 */
async function ticketAttachments(db: Db, config: Config, orderId: string, now: Date) {
  const order = await loadPrintableOrder(db, SYSTEM_READER, orderId, config.publicUrl);
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
export function createMailer(config: Config, db: Db): Mailer {
  // nodemailer loads with the first message: a process that sends none never holds it.
  let transport: Promise<Transporter> | undefined;
  const openTransport = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  };
  return {
    async send(message: EmailMessage) {
      const attachments = message.attachOrderTickets
        ? await ticketAttachments(db, config, message.attachOrderTickets, new Date())
        : [];
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
    },
  };
}
