'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { OwedBadgeView, useOwedBadge } from './owed-refunds-badge';
import { refundScopeOf, refundsHref, type RefundScope } from './refund-scope';
import { useAuth } from '@/lib/auth-context';

function ScopedLink({ scope, label }: { scope: RefundScope; label: string }) {
  const badge = useOwedBadge(scope);
  return (
    <Link href={refundsHref(scope)}>
      {label}
      <OwedBadgeView badge={badge} />
    </Link>
  );
}

/**
 * "Refunds owed", with the owed count, for a portal's own navigation: always there for admins and
 * organizers, nothing for anyone else (who never ask for the count).
 */
export function RefundsNavLink({ label = 'Refunds owed' }: { label?: string }) {
  const { session } = useAuth();
  const scope = session.status === 'signed-in' ? refundScopeOf(session.user.role) : null;
  return scope ? <ScopedLink scope={scope} label={label} /> : null;
}

function ScopedHeaderItem({ scope }: { scope: RefundScope }) {
  const pathname = usePathname();
  const badge = useOwedBadge(scope);
  const href = refundsHref(scope);
  if (!badge) return null;
  return (
    <li>
      <Link href={href} aria-current={pathname === href ? 'page' : undefined}>
        Refunds
        <OwedBadgeView badge={badge} />
      </Link>
    </li>
  );
}

/** The site header's "Refunds 3": only while refunds are owed, so it asks for attention. */
export function RefundsHeaderItem() {
  const { session } = useAuth();
  const scope = session.status === 'signed-in' ? refundScopeOf(session.user.role) : null;
  return scope ? <ScopedHeaderItem scope={scope} /> : null;
}
