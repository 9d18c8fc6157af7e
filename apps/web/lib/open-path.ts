import type { useRouter } from 'next/navigation';
import { isPaymentPage } from './content-security-policy';

type Router = ReturnType<typeof useRouter>;

/**
 * Goes to a path of this site: a client-side route change, except into a payment page, which
 * needs a document of its own because only its Content-Security-Policy lets Stripe in.
 */
export function openPath(router: Router, path: string, how: 'push' | 'replace' = 'push'): void {
  if (isPaymentPage(path)) {
    if (how === 'replace') window.location.replace(path);
    else window.location.assign(path);
  } else if (how === 'replace') router.replace(path);
  else router.push(path);
}
