import { AUDIT_ACTIONS, AUDIT_ACTION_LIST, type AuditAction } from './audit-actions';

/**
 * Short names of the audit actions, as an admin reads them in the log ("Order placed"). An action
 * missing here still reads, from its dotted name (`auditActionLabel`).
 */
const LABELS: Partial<Record<AuditAction, string>> = {
  'auth.login_succeeded': 'Signed in',
  'auth.login_failed': 'Sign-in refused',
  'auth.logout': 'Signed out',
  'auth.refresh_token_reused': 'Spent refresh token reused',
  'auth.password_reset_requested': 'Password reset asked for',
  'auth.password_reset_completed': 'Password reset',
  'user.registered': 'Signed up',
  'user.admin_created': 'Admin account created',
  'user.profile_updated': 'Profile changed',
  'user.role_changed': 'Role changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'staff.created': 'Door staff account created',
  'staff.invited': 'Door staff invited',
  'staff.invitation_accepted': 'Staff invitation accepted',
  'staff.removed': 'Door staff removed',
  'user.email_verification_requested': 'Verification link asked for',
  'user.email_verified': 'E-mail verified',
  'user.email_change_requested': 'E-mail change asked for',
  'user.email_changed': 'E-mail changed',
  'user.password_changed': 'Password changed',
  'demo.account_created': 'Demo account created',
  'event.created': 'Event created',
  'event.updated': 'Event changed',
  'event.published': 'Event published',
  'event.unpublished': 'Event unpublished',
  'event.cancelled': 'Event cancelled',
  'event.deleted': 'Event deleted',
  'event.image_updated': 'Event image changed',
  'organizer.profile_updated': 'Business profile saved',
  'ticket_type.created': 'Ticket type added',
  'ticket_type.updated': 'Ticket type changed',
  'ticket_type.deleted': 'Ticket type removed',
  'promotion.created': 'Promo code created',
  'promotion.updated': 'Promo code changed',
  'promotion.deleted': 'Promo code deleted',
  'question.created': 'Question added',
  'question.updated': 'Question changed',
  'question.deleted': 'Question deleted',
  'question.hidden': 'Question hidden (had answers)',
  'order.placed': 'Order placed',
  'order.paid': 'Order paid',
  'order.paid_late': 'Order paid late',
  'order.payment_refused': 'Late payment refused',
  'order.cancelled': 'Order cancelled',
  'order.expired': 'Order expired',
  'order.failed': 'Payment failed',
  'order.refunded': 'Order refunded',
  'order.partially_refunded': 'Order partly refunded',
  'order.links_requested': 'Order links asked for',
  'refund.attempt_failed': 'Refund attempt refused',
  'refund.succeeded': 'Refund paid back',
  'refund.failed': 'Refund failed',
  'refund.retried': 'Refund retried',
  'ticket.reissued': 'Ticket reissued',
  'ticket.holder_changed': 'Ticket holder changed',
  'ticket.checked_in': 'Checked in',
  'ticket.scan_refused': 'Scan refused',
  'ticket.scan_replayed': 'Offline scan uploaded again',
  'ticket.scans_dropped': 'Refused scans dropped',
  'signing_key.rotated': 'Signing key rotated',
};

/** What the first part of an action name is about, for grouping the actions in a filter. */
const GROUPS: Record<string, string> = {
  auth: 'Sign-in and sessions',
  user: 'Accounts',
  staff: 'Accounts',
  demo: 'Accounts',
  organizer: 'Accounts',
  event: 'Events',
  ticket_type: 'Events',
  promotion: 'Events',
  question: 'Events',
  order: 'Orders',
  refund: 'Refunds',
  ticket: 'Tickets and the door',
  signing_key: 'Tickets and the door',
};

function words(name: string): string {
  return name.replace(/_/g, ' ');
}

/** "Order placed" for `order.placed`; an unknown name reads from its parts ("Seat map changed"). */
export function auditActionLabel(action: string): string {
  const known = LABELS[action as AuditAction];
  if (known) return known;
  const [subject = '', ...rest] = action.split('.');
  const text = [words(subject), ...rest.map(words)].join(' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : action;
}

export interface AuditActionInfo {
  /** The dotted name, as stored and filtered on (`order.placed`). */
  action: string;
  label: string;
  description: string;
  /** What it is about ("Orders"); actions of a group share the prefix before the dot. */
  group: string;
}

/** Every action the log records, in catalogue order, with its label, meaning and group. */
export function auditActionCatalogue(): AuditActionInfo[] {
  return AUDIT_ACTION_LIST.map((action) => ({
    action,
    label: auditActionLabel(action),
    description: AUDIT_ACTIONS[action],
    group: GROUPS[action.split('.')[0] ?? ''] ?? 'Other',
  }));
}
