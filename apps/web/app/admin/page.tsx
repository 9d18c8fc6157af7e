import type { Metadata } from 'next';
import Link from 'next/link';
import { RequireRole } from '@/features/auth/require-role';
import { RefundsNavLink } from '@/features/refunds/refunds-nav-link';

export const metadata: Metadata = { title: 'Admin' };

export default function AdminPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Admin</h1>
      <nav aria-label="Admin sections">
        <ul>
          <li>
            <Link href="/admin/analytics">Analytics</Link> — sales, organizers and top events, live
          </li>
          <li>
            <Link href="/admin/users">Users</Link> — roles, and disabling accounts
          </li>
          <li>
            <Link href="/admin/events">Events</Link> — every organizer&apos;s events, and unpublishing
          </li>
          <li>
            <Link href="/admin/orders">Orders</Link> — every transaction, with refunds
          </li>
          <li>
            <RefundsNavLink /> — refunds the payment provider refused, and retrying them
          </li>
          <li>
            <Link href="/admin/audit-log">Audit log</Link> — who did what, and when
          </li>
        </ul>
      </nav>
    </RequireRole>
  );
}
