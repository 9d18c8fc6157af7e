import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db, EmailMessage, Mailer } from '@eventhub/core';
import nodemailer from 'nodemailer';
import QRCode from 'qrcode';
import type { Config } from '../config';

export const MAIL_FROM = 'EventHub <no-reply@eventhub.local>';

/** Where local mode drops outgoing mail: one .eml per message plus a small .json index entry. */
export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

/** The tickets of an order as QR PNG attachments (the check-in issue adds a PDF). */
async function ticketAttachments(db: Db, orderId: string) {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'code', 'holder_name'])
    .where('order_id', '=', orderId)
    .where('status', '!=', 'void')
    .execute();
  return Promise.all(
    tickets.map(async (t, i) => ({
      filename: `ticket-${i + 1}-${t.holder_name.replace(/[^\w-]+/g, '_').slice(0, 40)}.png`,
      content: await QRCode.toBuffer(t.code, { errorCorrectionLevel: 'M', margin: 4, scale: 8 }),
      contentType: 'image/png',
    })),
  );
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise (local mode) each message is rendered
 * by nodemailer to a real .eml file in DATA_DIR/outbox, listed by the web app's dev mailbox.
 */
export function createMailer(config: Config, db: Db): Mailer {
  const transport = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message: EmailMessage) {
      const attachments = message.attachOrderTickets
        ? await ticketAttachments(db, message.attachOrderTickets)
        : [];
      const info = await transport.sendMail({
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
