import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersAdmin } from '@/features/admin/users-admin';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Users' };

export default function AdminUsersPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Users</h1>
      {/* UsersAdmin reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <UsersAdmin />
      </Suspense>
    </RequireRole>
  );
}
