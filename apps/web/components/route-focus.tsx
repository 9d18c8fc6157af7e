'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

// Pages that load their data in the browser render their heading a moment later; wait this long.
const WAIT_FOR_HEADING_MS = 5_000;

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/** Focus to this heading, made focusable from script only (no tab stop of its own). */
function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * After a client-side route change, moves keyboard focus to the new page's <h1> in <main>, as a
 * full page load would start screen-reader users at the top of the new content rather than on the
 * link they left. Not on the first load, and not when the page itself put focus in a field.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const first = previous.current === null;
    const changed = previous.current !== pathname;
    previous.current = pathname;
    if (first || !changed) return;
    const main = document.getElementById('main');
    if (!main) return;

    const settle = (): boolean => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && main.contains(active) && active.matches(TYPING)) return true;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      focusHeading(heading);
      return true;
    };
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_FOR_HEADING_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);

  return null;
}
