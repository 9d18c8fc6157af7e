'use client';

import type { Role } from '@eventhub/client';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useAuth } from '@/lib/auth-context';

/**
 * Shows a portal page only to signed-in users with one of `roles`; sends signed-out visitors
 * to the login page and back. A convenience for the UI only: the API enforces the real rules.
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const pathname = usePathname();
  const router = useRouter();
  const bounceToLogin = session.status === 'signed-out' && session.reason !== 'logout';

  useEffect(() => {
    if (!bounceToLogin) return;
    const here = pathname + window.location.search;
    router.replace(`/login?next=${encodeURIComponent(here)}`);
  }, [bounceToLogin, pathname, router]);

  if (session.status === 'loading' || bounceToLogin) {
    return <p aria-busy="true">Loading…</p>;
  }
  if (session.status === 'signed-out') {
    return (
      <p>
        You are logged out. <Link href="/login">Log in again</Link>
      </p>
    );
  }
  if (roles && !roles.includes(session.user.role)) {
    return (
      <section>
        <h1>No access</h1>
        <p>You do not have access to this page.</p>
        <p>
          <Link href="/account">Go to your account</Link>
        </p>
      </section>
    );
  }
  return children;
}
