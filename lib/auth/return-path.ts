import { isLocale } from '@/lib/i18n/routing';

/** The requested page's path and query, which proxy.ts hands to the server so the sign-in redirect can come back to it. */
export const PATH_HEADER = 'x-hi-request-path';

const ORIGIN = 'http://return-path.invalid';

/**
 * A page of this app to return to after signing in, or null. Only a relative path under a locale
 * is taken, parsed the way a browser would and required to stay on this origin, so a crafted link
 * (`//evil.example`, `/\evil.example`, a tab inside `/\t/`, `https://…`) cannot send the user
 * elsewhere; the login page itself is refused so signing in never lands back on it.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2000 || !raw.startsWith('/')) return null;
  // Backslashes and control characters are rewritten or dropped by URL parsers, which is how `/\host` and `/\t/host` turn into another origin.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  const [, locale = '', page = ''] = url.pathname.split('/');
  if (!isLocale(locale) || page === 'login') return null;
  return url.pathname + url.search + url.hash;
}
