import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditLogAdmin } from '@/features/admin/audit-log-admin';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Audit log' };

export default function AdminAuditLogPage() {
  return (
    <RequireRole roles={['admin']}>
      <h1>Audit log</h1>
      {/* AuditLogAdmin reads the query string, which is only known in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>
        <AuditLogAdmin />
      </Suspense>
    </RequireRole>
  );
}
