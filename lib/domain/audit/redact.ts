/**
 * What an audit entry may not hold. A key is secret when, lower-cased with everything but letters and
 * digits removed, it ends with one of these: `password`, `poolPassword`, `api_key`, `webhookSecret`,
 * `accessToken` all match, while `tokenPrefix` and `secretChanged` (which say nothing secret) do not.
 * The scrub migration (db/migrations/*_audit_scrub_secrets.sql) applies the same rule in SQL to
 * entries written before it; tests/admin/audit-scrub-migration.test.ts holds the two to this list.
 */
export const SECRET_KEY_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'passwordhash',
  'secret',
  'secretenc',
  'apikey',
  'accesskey',
  'privatekey',
  'signingkey',
  'token',
  'tokenhash',
  'authorization',
] as const;

export const REDACTED = '[redacted]';

export function isSecretKey(key: string): boolean {
  const normalized = key.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return SECRET_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/**
 * A copy of `value` with every secret-named key's value replaced, at any depth (objects inside
 * arrays too). A null stays null: "no password" is not a secret, and the before/after view can still
 * tell a set value from an unset one.
 */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = v != null && isSecretKey(k) ? REDACTED : redactSecrets(v);
  return out as T;
}
