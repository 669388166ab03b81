/** A miner's web/API login, opened from the credential vault ("username:password") or a vendor default. */
export type MinerCredential = { username: string; password: string };

/**
 * The logins the vendors ship, tried only when the operator allows it (collector.json
 * `useVendorDefaultCredentials`) and no credential is stored for the miner. Sources: pyasic
 * settings (Apache-2.0) and the vendors' manuals. Whatsminer API v3 has no default here: its
 * accounts' passwords are set on the miner, so a stored credential is required.
 */
export const VENDOR_DEFAULT_CREDENTIALS: Partial<Record<string, MinerCredential>> = {
  antminer: { username: 'root', password: 'root' },
  elphapex: { username: 'root', password: 'root' },
  whatsminer: { username: 'admin', password: 'admin' },
  vnish: { username: 'admin', password: 'admin' },
  braiins: { username: 'root', password: 'root' },
  auradine: { username: 'admin', password: 'admin' },
};

/** The vault stores "username:password"; the username cannot hold a colon, the password may. */
export function parseStoredCredential(secret: Uint8Array | string | null | undefined): MinerCredential | null {
  if (!secret) return null;
  const text = typeof secret === 'string' ? secret : Buffer.from(secret).toString('utf8');
  const at = text.indexOf(':');
  if (at <= 0) return null;
  return { username: text.slice(0, at), password: text.slice(at + 1) };
}

/** The stored credential, else the vendor default when allowed, else null (the command then fails saying so). */
export function credentialFor(vendor: string, stored: MinerCredential | null | undefined, allowVendorDefaults: boolean): MinerCredential | null {
  if (stored) return stored;
  return allowVendorDefaults ? (VENDOR_DEFAULT_CREDENTIALS[vendor] ?? null) : null;
}

export function missingCredential(vendor: string): string {
  return `no credential stored for this miner (set one under Hosting → Edge → device → credentials${VENDOR_DEFAULT_CREDENTIALS[vendor] ? ', or allow the vendor default in collector.json' : ''})`;
}
