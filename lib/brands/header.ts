/** The request header through which proxy.ts tells the server which brand subdomain was asked for. */
export const BRAND_HEADER = 'x-hi-brand-subdomain';

/**
 * The host the browser asked for. X-Forwarded-Host wins over Host: behind a reverse proxy it is the
 * public name, and Next renders a server action's redirect through an internal request to its own
 * origin, which carries the original host only there. A client can set it too, but a brand host
 * only ever narrows who is let in, so naming another brand gains nothing.
 */
export function requestedHost(h: Headers): string | null {
  return h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host');
}
