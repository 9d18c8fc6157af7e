import type { Role } from '@eventhub/client';

/** Whose refunds a person sees: admins every refund, organizers their own events'. */
export type RefundScope = 'admin' | 'organizer';

/** Null for customers and door staff, who have no refunds list (and never ask for its count). */
export function refundScopeOf(role: Role): RefundScope | null {
  return role === 'admin' || role === 'organizer' ? role : null;
}

export function refundsHref(scope: RefundScope): string {
  return `/${scope}/refunds`;
}
