/**
 * Every `action` the audit log records, dotted and pretix-style, with what it means. `writeAudit`
 * takes an `AuditAction`, so an entry cannot be written under a name missing here.
 */
export const AUDIT_ACTIONS = {
  // Sign-in and sessions
  'auth.login_succeeded': 'A user signed in; a new login (refresh-token family) started',
  'auth.login_failed': 'A sign-in was refused: unknown e-mail, wrong password or disabled account',
  'auth.logout': 'A user signed out; the login was revoked',
  'auth.refresh_token_reused': 'A spent refresh token was presented again; its whole login was revoked',

  // Accounts
  'user.registered': 'Someone signed up as a customer or organizer',
  'user.admin_created': 'An admin account was created from ADMIN_EMAIL or the admin:create script',
  'user.profile_updated': 'A user changed their own profile (name)',
  'user.role_changed': "An admin changed a user's role",
  'user.disabled': 'An admin disabled an account',
  'user.enabled': 'An admin enabled an account again',
  'staff.created': 'An organizer created a door staff account',
  'staff.invited':
    'An organizer invited door staff by e-mail (a link to choose a password), or sent the invitation again',
  'staff.invitation_accepted': 'Invited door staff chose their password from the link and signed in',
  'staff.removed':
    'An organizer removed door staff: the account was disabled and every session and link of it ended',
  'user.email_verification_requested': 'A user asked for a new e-mail verification link',
  'user.email_verified':
    "A user proved their address with a verification link; that address's guest orders joined the account",
  'user.email_change_requested': 'A user asked to change their e-mail; a link went to the new address',
  'user.email_changed':
    'A user confirmed a new address from its link; it replaced the old one, which was told',
  'user.password_changed': 'A user changed their password; their other sessions were revoked',
  'auth.password_reset_requested':
    'A password reset was asked for an address (mailed only if it has an enabled account)',
  'auth.password_reset_completed':
    'A password was reset with a mailed link; every session of the user was revoked',
  'demo.account_created': 'A demo account was seeded (DEMO_SEED)',

  // Events and what is sold at them
  'event.created': 'An organizer created an event (with its ticket types and promo codes)',
  'event.updated': "An event's fields were changed",
  'event.published': 'A draft event was put on sale',
  'event.unpublished': 'A published event was taken off sale and out of listings (back to draft)',
  'event.cancelled': 'An event was cancelled for good; sales stopped',
  'event.deleted': 'An event without orders was deleted',
  'event.image_updated': "An event's image was uploaded or replaced",
  'organizer.profile_updated': "An organizer's business profile (invoice seller details) was saved",
  'ticket_type.created': 'A ticket type was added to an event',
  'ticket_type.updated': 'A ticket type was changed',
  'ticket_type.deleted': 'A ticket type without sales was removed',
  'promotion.created': 'A promo code was created',
  'promotion.updated': 'A promo code was changed',
  'promotion.deleted': 'An unused promo code was deleted',
  'question.created': 'A checkout question was added to an event',
  'question.updated': 'A checkout question was changed',
  'question.deleted': 'A checkout question without answers was deleted',
  'question.hidden': 'A checkout question with answers was deleted: hidden from buyers, its answers kept',

  // Orders
  'order.placed': 'An order was placed; its seats are held until it is paid or expires',
  'order.paid': 'An order was paid and its tickets issued',
  'order.paid_late': 'A payment arrived after the hold ran out and the seats could be taken again',
  'order.payment_refused': 'A late payment broke a sales rule; it was refunded and the order stays closed',
  'order.cancelled': 'A pending order was cancelled; its seats were given back',
  'order.expired': 'A pending order ran out of time; its seats were given back',
  'order.failed': 'The payment of a pending order failed; its seats were given back',
  'order.refunded': 'Every ticket of an order was refunded',
  'order.partially_refunded': 'Some tickets of an order were refunded',
  'order.links_requested':
    'Someone asked for the links to the orders of an e-mail address (mailed if it has any)',

  // Paying refunds back through the provider (a durable job: orders/deliver-refunds.ts)
  'refund.attempt_failed': 'The payment provider refused or did not answer a refund; it is retried later',
  'refund.succeeded': 'The payment provider paid a refund back to the buyer',
  'refund.failed': 'A refund still failed after all its retries; it waits for a person to retry it',
  'refund.retried': 'An organizer or admin sent a failed refund back to be paid',

  // Tickets and the door
  'ticket.reissued': 'A ticket got a new code (holder changed); the old code is void',
  'ticket.holder_changed':
    "A ticket's holder was changed by its buyer; it got a new code and the old one is void",
  'ticket.checked_in': 'A ticket was admitted at the door',
  'ticket.scan_refused': 'A door scan was refused (used, void, wrong event, invalid or not allowed)',
  'ticket.scan_replayed': 'An offline scan already applied was uploaded again',
  'ticket.scans_dropped': 'Refused-scan entries dropped under a flood, counted in one summary entry',
  'signing_key.rotated': "An organizer's ticket signing key was rotated",
} as const satisfies Record<string, string>;

/** A dotted audit action name (`order.refunded`). */
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Every action, in catalogue order. */
export const AUDIT_ACTION_LIST = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.hasOwn(AUDIT_ACTIONS, value);
}
