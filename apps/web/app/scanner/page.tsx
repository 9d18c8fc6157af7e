import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequireRole } from '@/features/auth/require-role';
import { ScannerHome } from '@/features/door/scanner-home';

export const metadata: Metadata = { title: 'Scanner' };

export default function ScannerPage() {
  return (
    <RequireRole roles={['staff', 'organizer', 'admin']}>
      {/* The chosen event and the list's page live in the URL, known only in the browser. */}
      <Suspense fallback={<p aria-busy="true">Loading the scanner…</p>}>
        <ScannerHome />
      </Suspense>
    </RequireRole>
  );
}
