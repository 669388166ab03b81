/**
 * The base URL a brand customer's links point at: the brand's host under the first configured base
 * domain, keeping the scheme and port of `baseUrl` (the request the link was made in). A customer
 * without a brand gets `baseUrl` as it is.
 */
export function brandBaseUrl(baseUrl: string, subdomain: string | null, baseDomains: string): string {
  if (!subdomain) return baseUrl;
  const base = baseDomains.split(',')[0]?.trim();
  if (!base) return baseUrl;
  const url = new URL(baseUrl);
  url.hostname = `${subdomain}.${base}`;
  return url.origin;
}
