import { requestedHost } from '@/lib/brands/header';

/** Methods that change nothing, so a request from another site can do no harm with them. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser sent this request from a page of another origin. The Origin's host is compared
 * with the host the request was sent to (X-Forwarded-Host, else Host: the rule Next applies to server
 * actions), so a brand host is its own origin and another brand's host is foreign. Browsers send Origin
 * with every POST; a request without one is not a browser's, so it cannot carry a victim's cookies.
 * A form or a `text/plain` fetch needs no CORS preflight, which is why the check has to be here.
 */
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  const host = requestedHost(headers)?.toLowerCase();
  if (!host || origin === 'null') return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
