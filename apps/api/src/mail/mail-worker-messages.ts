import type { EmailMessage } from '@eventhub/core';
import type { MailAttachments } from './mail-sender';

/** Parent → mail worker: render and send one message (structured clone keeps the Date). */
export interface MailJob {
  id: number;
  message: EmailMessage;
  attachments: MailAttachments;
  now: Date;
}

/** Mail worker → parent: the job is done (sent, or failed with `error`). */
export interface MailJobDone {
  id: number;
  error?: string;
}

/** Mail worker → parent: it takes jobs. */
export const MAIL_WORKER_READY = 'ready';
