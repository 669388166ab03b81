import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CREDENTIAL_SCHEMA_VERSION, CredentialError, type CollectorKeyPair, findKey, generateCollectorKeyPair, openCommandSecret, openMinerCredential, rotateCollectorKey, type SealedMinerCredential } from '../crypto';
import { fromBase64, toBase64 } from '../crypto/encoding';
import type { Logger } from './log';

type StoredKey = { keyVersion: number; publicKey: string; secretKey: string };
type VaultState = {
  keys: StoredKey[];
  /** The tenant and site this collector serves, pinned the first time the cloud names them. */
  binding: { tenantId: string; siteId: string } | null;
  /** Highest counter accepted per miner: a lower or equal one is a rollback and is refused. */
  counters: Record<string, number>;
};

export type SyncResult = { opened: number; unchanged: number; refused: { minerId: string; code: string }[] };

/**
 * The collector's side of the encrypted miner credentials: its X25519 key ring (the secret keys
 * never leave this file, written 0600), the tenant/site binding and the per-miner counters, all on
 * disk so a restart cannot be used to replay an older credential. Opened secrets live in memory only.
 */
export class CredentialVault {
  private state: VaultState;
  private readonly file: string;
  private readonly secrets = new Map<string, Uint8Array>();

  constructor(dir: string, private readonly log: Logger) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'collector-keys.json');
    this.state = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as VaultState) : { keys: [], binding: null, counters: {} };
    if (this.state.keys.length === 0) {
      this.addKey(generateCollectorKeyPair(1));
      this.log('info', 'credential key pair created', { keyVersion: 1 });
    }
  }

  private ring(): CollectorKeyPair[] {
    return this.state.keys.map((k) => ({ keyVersion: k.keyVersion, publicKey: fromBase64(k.publicKey), secretKey: fromBase64(k.secretKey) }));
  }

  private addKey(pair: CollectorKeyPair) {
    this.state.keys.push({ keyVersion: pair.keyVersion, publicKey: toBase64(pair.publicKey), secretKey: toBase64(pair.secretKey) });
    this.save();
  }

  private save() {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  /** The newest public key, as published to the cloud for browsers to seal to. */
  currentPublicKey(): { keyVersion: number; publicKey: string } {
    const latest = this.state.keys.reduce((a, b) => (b.keyVersion > a.keyVersion ? b : a));
    return { keyVersion: latest.keyVersion, publicKey: latest.publicKey };
  }

  /** A new key pair; older ones stay in the ring so credentials sealed to them still open until re-sealed. */
  rotate(): { keyVersion: number; publicKey: string } {
    const next = rotateCollectorKey(this.ring());
    this.addKey(next);
    this.log('info', 'credential key rotated', { keyVersion: next.keyVersion });
    return this.currentPublicKey();
  }

  /** Pins the tenant/site on first contact; a later, different answer is refused (the cloud cannot re-home this collector). */
  bind(binding: { tenantId: string; siteId: string }): boolean {
    if (!this.state.binding) {
      this.state.binding = binding;
      this.save();
      return true;
    }
    return this.state.binding.tenantId === binding.tenantId && this.state.binding.siteId === binding.siteId;
  }

  /** Opens every credential the cloud holds for this site; refuses rollbacks, foreign bindings and tampering. */
  sync(entries: { minerId: string; sealed: SealedMinerCredential }[]): SyncResult {
    const result: SyncResult = { opened: 0, unchanged: 0, refused: [] };
    const binding = this.state.binding;
    for (const { minerId, sealed } of entries) {
      const last = this.state.counters[minerId] ?? 0;
      if (this.secrets.has(minerId) && sealed?.aad?.counter === last) {
        result.unchanged++;
        continue;
      }
      try {
        if (!binding) throw new CredentialError('AAD_MISMATCH', 'collector not bound to a site yet');
        const key = findKey(this.ring(), sealed.keyVersion);
        if (!key) throw new CredentialError('DECRYPT_FAILED', `no key version ${sealed.keyVersion} in the ring`);
        // After a restart the secret is gone from memory but the counter is on disk: accept the same counter once more.
        const floor = this.secrets.has(minerId) ? last : last - 1;
        const opened = openMinerCredential(sealed, key, { ...binding, minerId, schemaVersion: CREDENTIAL_SCHEMA_VERSION }, floor);
        this.secrets.get(minerId)?.fill(0);
        this.secrets.set(minerId, opened.secret);
        this.state.counters[minerId] = opened.counter;
        result.opened++;
      } catch (e) {
        result.refused.push({ minerId, code: e instanceof CredentialError ? e.code : 'FORMAT' });
      }
    }
    if (result.opened) this.save();
    if (result.refused.length) this.log('warn', 'credentials refused', { refused: result.refused });
    return result;
  }

  /** Opens a secret a command carries (a pool password sealed to this site's collectors); throws CredentialError when it does not open here. */
  openCommandSecret(sealed: unknown): string {
    if (!this.state.binding) throw new CredentialError('AAD_MISMATCH', 'collector not bound to a site yet');
    return openCommandSecret(sealed, this.ring(), this.state.binding);
  }

  /** The opened secret of a miner (e.g. for a firmware web login), or null. */
  secretFor(minerId: string): Uint8Array | null {
    return this.secrets.get(minerId) ?? null;
  }

  size(): number {
    return this.secrets.size;
  }
}
