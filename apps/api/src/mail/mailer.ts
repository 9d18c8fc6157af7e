import {
  loadPrintableOrder,
  type Actor,
  type Db,
  type EmailMessage,
  type Mailer,
  loadInvoiceDocuments,
} from '@eventhub/core';
import type { Config } from '../config';
import { createMailSender, type MailAttachments, type MailSender } from './mail-sender';

export { MAIL_FROM, outboxDir } from './mail-sender';

// The mailer reads orders on the system's behalf, as an admin would, never for a caller.
const SYSTEM_READER: Actor = { userId: 'system', role: 'admin', organizerId: null, sessionId: 'system' };

/**
 * What a message carries, read at delivery from the database: the order whose tickets it attaches
 * (so a ticket reissued in between is mailed with its new code) and its invoices as issued.
 */
export async function attachmentsOf(db: Db, config: Config, message: EmailMessage): Promise<MailAttachments> {
  const [order, invoices] = await Promise.all([
    message.attachOrderTickets
      ? loadPrintableOrder(db, SYSTEM_READER, message.attachOrderTickets, config.publicUrl)
      : null,
    loadInvoiceDocuments(db, message.attachInvoices ?? []),
  ]);
  return { order, invoices };
}

/** Reads what a message attaches, then renders and sends it with `send` (in this process by default). */
export function createMailer(config: Config, db: Db, send: MailSender = createMailSender(config)): Mailer {
  return {
    async send(message: EmailMessage) {
      await send(message, await attachmentsOf(db, config, message), new Date());
    },
  };
}
