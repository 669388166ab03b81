/**
 * Subdomains of white-label brands: what an admin may register, and which brand (if any) a request's
 * Host header names. Pure, so the proxy, the server and the forms share one definition.
 */

/** Names that belong to the product itself or read as official, so no brand may take them. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  'www', 'app', 'api', 'admin', 'portal', 'static', 'assets', 'cdn', 'mail', 'smtp', 'status', 'docs', 'help', 'support',
  'login', 'auth', 'dashboard', 'billing', 'inngest', 'hashinsight', 'localhost', 'en', 'zh',
]);

/** One DNS label (RFC 1123): 1–63 of a–z, 0–9 and '-', not starting or ending with '-'. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type SubdomainProblem = 'format' | 'reserved';

/** Why `value` cannot be a brand's subdomain, or null when it can. Case matters: callers lower-case first. */
export function subdomainProblem(value: string): SubdomainProblem | null {
  if (!LABEL.test(value)) return 'format';
  // Punycode labels ("xn--") can imitate other names with look-alike letters.
  if (RESERVED_SUBDOMAINS.has(value) || value.startsWith('xn--')) return 'reserved';
  return null;
}

/**
 * The brand label a Host header names under one of `baseDomains`: "acme.example.com:443" with base
 * "example.com" → "acme". Only a single label directly under a base counts; the bare base, deeper
 * names, reserved names, IP addresses and unknown domains give null (the default HashInsight look).
 */
export function brandSubdomainOf(host: string | null | undefined, baseDomains: readonly string[]): string | null {
  if (!host) return null;
  const name = stripPort(host.trim().toLowerCase()).replace(/\.$/, '');
  if (!name) return null;
  for (const raw of baseDomains) {
    const base = raw.trim().toLowerCase().replace(/^\./, '').replace(/\.$/, '');
    if (!base || !name.endsWith(`.${base}`)) continue;
    const label = name.slice(0, -(base.length + 1));
    if (label.includes('.')) return null;
    return subdomainProblem(label) === null ? label : null;
  }
  return null;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host; // IPv6 literal: never a brand
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** Base domains from configuration: a comma-separated list, e.g. "localhost,hosting.example.com". */
export function parseBaseDomains(value: string | undefined): string[] {
  return (value ?? 'localhost')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}
