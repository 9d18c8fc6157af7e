import {
  loadPrintableOrder,
  type Actor,
  type Db,
  type EmailMessage,
  type Mailer,
  type PrintableOrder,
} from '@eventhub/core';
import type { Config } from '../config';
import { createMailSender, type MailSender } from './mail-sender';

export { MAIL_FROM, outboxDir } from './mail-sender';

// The mailer reads orders on the system's behalf, as an admin would, never for a caller.
const SYSTEM_READER: Actor = { userId: 'system', role: 'admin', organizerId: null, sessionId: 'system' };

/**
 * The order whose tickets a message carries, read at delivery from the database, so a ticket
 * reissued in between is mailed with its new code; null for a message without tickets.
 */
export function orderToAttach(db: Db, config: Config, message: EmailMessage): Promise<PrintableOrder | null> {
  return message.attachOrderTickets
    ? loadPrintableOrder(db, SYSTEM_READER, message.attachOrderTickets, config.publicUrl)
    : Promise.resolve(null);
}

/** Reads what a message attaches, then renders and sends it with `send` (in this process by default). */
export function createMailer(config: Config, db: Db, send: MailSender = createMailSender(config)): Mailer {
  return {
    async send(message: EmailMessage) {
      await send(message, await orderToAttach(db, config, message), new Date());
    },
  };
}
