/** Parent → mail worker: mail was queued, deliver the outbox. */
export const MAIL_WORKER_DELIVER = 'deliver';
/** Mail worker → parent: its database is open and it takes deliveries. */
export const MAIL_WORKER_READY = 'ready';
