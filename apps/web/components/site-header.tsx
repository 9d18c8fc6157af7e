'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useAuth } from '@/lib/auth-context';
import { PORTAL_LINKS } from '@/lib/roles';

function matches(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The one link for this page: the longest that matches, so /account/orders is not also "Account". */
function currentHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs.filter((href) => matches(pathname, href)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The site-wide header: brand, the portals the user's role may open, and sign-in state.
 * `extraItems` are <li>s a feature adds after the portal links for signed-in users (the layout
 * passes them in, as components/ may not import a feature).
 */
export function SiteHeader({ extraItems }: { extraItems?: ReactNode }) {
  const { session, signOut } = useAuth();
  const pathname = usePathname();
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const links =
    session.status === 'signed-in'
      ? PORTAL_LINKS.filter((link) => link.roles.includes(session.user.role))
      : [];
  const current = currentHref(
    pathname,
    links.map((link) => link.href),
  );

  async function logOut() {
    setLeaving(true);
    try {
      await signOut();
      router.push('/');
    } finally {
      setLeaving(false);
    }
  }

  return (
    <header className="site-header container">
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/" className="brand">
              EventHub
            </Link>
          </li>
        </ul>
        {session.status === 'signed-in' ? (
          <ul>
            {links.map((link) => (
              <li key={link.label}>
                <Link href={link.href} aria-current={link.href === current ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
            {extraItems}
            <li className="signed-in-as">
              <span className="visually-hidden">Signed in as </span>
              {session.user.name}
            </li>
            <li>
              <button
                type="button"
                className="secondary outline compact"
                onClick={logOut}
                aria-busy={leaving}
              >
                Log out
              </button>
            </li>
          </ul>
        ) : session.status === 'signed-out' ? (
          <ul>
            <li>
              <Link href="/find-tickets" aria-current={pathname === '/find-tickets' ? 'page' : undefined}>
                Find my tickets
              </Link>
            </li>
            <li>
              <Link href="/login" aria-current={pathname === '/login' ? 'page' : undefined}>
                Log in
              </Link>
            </li>
            <li>
              <Link href="/signup" aria-current={pathname === '/signup' ? 'page' : undefined}>
                Sign up
              </Link>
            </li>
          </ul>
        ) : (
          // Nothing until the session is known, so signed-in users never see a flash of "Log in".
          <ul aria-hidden="true" />
        )}
      </nav>
    </header>
  );
}
