const HOME = '/';

/**
 * Where a `next` (return-to) parameter may send the browser: a path on this site, else the home
 * page. The value is read with the URL API against our origin, as the browser will read it, never
 * judged by its prefix: browsers drop tabs and newlines and take "\" for "/", so "/\t/evil.example"
 * and "/\evil.example" both mean "//evil.example", another site. Returns path, query and fragment
 * only, never an absolute URL.
 */
export function safeRedirectPath(next: string | null | undefined, origin: string): string {
  if (!next) return HOME;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== new URL(origin).origin) return HOME;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which read again is another host.
  return new URL(path, origin).origin === url.origin ? path : HOME;
}

/** After logging in or signing up: back to the page named by `next`, else to the user's account. */
export function afterSignInPath(search: string, origin: string): string {
  const next = new URLSearchParams(search).get('next');
  return next === null ? '/account' : safeRedirectPath(next, origin);
}
