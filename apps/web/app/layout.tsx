import '@picocss/pico/css/pico.min.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { RouteFocus } from '@/components/route-focus';
import { SiteHeader } from '@/components/site-header';
import { RefundsHeaderItem } from '@/features/refunds/refunds-nav-link';
import { AuthProvider } from '@/lib/auth-context';

export const metadata: Metadata = {
  title: { default: 'EventHub', template: '%s · EventHub' },
  description: 'EventHub: open-source event ticketing — events, tickets, payments, QR check-in, analytics.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the request's CSP nonce (proxy.ts), which
  // prerendered HTML could not, and the browser would refuse to run them.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {/* Keyboard focus to the new page's heading after each client-side navigation. */}
        <RouteFocus />
        <AuthProvider>
          {/* Refunds owed show up in the header only for admins and organizers, and only while owed. */}
          <SiteHeader extraItems={<RefundsHeaderItem />} />
          {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
        </AuthProvider>
        <footer className="site-footer container">
          <small>EventHub — open-source event ticketing.</small>
        </footer>
      </body>
    </html>
  );
}
