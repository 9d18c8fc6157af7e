import type { AuditEntry } from '@eventhub/client';

export type AuditTargetView = NonNullable<AuditEntry['target']>;

/** The kinds of target an entry can be about, in the order the filter offers them. */
export const TARGET_TYPES = [
  'event',
  'order',
  'ticket',
  'refund',
  'user',
  'ticket_type',
  'promotion',
  'question',
  'session',
  'signing_key',
  'email',
] as const;

export type TargetType = (typeof TARGET_TYPES)[number];

export const TARGET_TYPE_LABELS: Record<TargetType, string> = {
  event: 'Event',
  order: 'Order',
  ticket: 'Ticket',
  refund: 'Refund',
  user: 'User',
  ticket_type: 'Ticket type',
  promotion: 'Promo code',
  question: 'Question',
  session: 'Session',
  signing_key: 'Signing key',
  email: 'E-mail address',
};

export function parseTargetType(value: string | null): TargetType | undefined {
  return TARGET_TYPES.find((t) => t === value);
}

export function targetTypeLabel(type: string): string {
  return parseTargetType(type) ? TARGET_TYPE_LABELS[type as TargetType] : type.replace(/_/g, ' ');
}

/** A user target's name reads "Ada Lovelace (ada@example.com)": its two parts. */
export function splitPerson(name: string): { name: string; email: string | null } {
  const match = /^(.*) \(([^()\s]+@[^()\s]+)\)$/.exec(name);
  return match ? { name: match[1]!, email: match[2]! } : { name, email: null };
}

/** Where an admin can look at the target itself, if anywhere. */
export function targetHref(target: AuditTargetView): string | null {
  if (!target.id) return null;
  switch (target.type) {
    case 'event':
      return `/organizer/events/${target.id}`;
    case 'order':
      return `/account/orders/${target.id}`;
    case 'user': {
      // The user list finds them by e-mail.
      const email = target.name ? splitPerson(target.name).email : null;
      return email ? `/admin/users?q=${encodeURIComponent(email)}` : null;
    }
    default:
      return null;
  }
}
