import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64, utf8 } from './encoding';
import { cryptoBoxSeal, cryptoBoxSealOpen } from './sealed-box';

export const CREDENTIAL_SCHEMA_VERSION = 1;
export const CREDENTIAL_ALG = 'x25519-sealedbox/aes-256-gcm';

/** Bound into the GCM tag: a ciphertext moved to another tenant, site or miner, or replayed with an old counter, fails. */
export type CredentialAad = { tenantId: string; siteId: string; minerId: string; counter: number; schemaVersion: number };

/** The stored form (JSON). Everything here is safe for the cloud to hold; none of it opens without the collector's secret key. */
export type SealedMinerCredential = {
  alg: typeof CREDENTIAL_ALG;
  keyVersion: number;
  /** base64: crypto_box_seal(DEK) = 32-byte ephemeral pk ‖ 16-byte tag ‖ 32-byte DEK ciphertext (80 bytes). */
  sealedDek: string;
  /** base64: 12-byte GCM nonce. */
  nonce: string;
  /** base64: AES-256-GCM(secret) ‖ 16-byte tag. */
  ciphertext: string;
  aad: CredentialAad;
};

export type CredentialErrorCode = 'ROLLBACK' | 'AAD_MISMATCH' | 'DECRYPT_FAILED' | 'FORMAT';

export class CredentialError extends Error {
  constructor(
    readonly code: CredentialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

/** Canonical AAD bytes: JSON with sorted keys, so both sides derive identical bytes. */
export function aadBytes(aad: CredentialAad): Uint8Array {
  const ordered = Object.fromEntries(Object.entries(aad).sort(([a], [b]) => (a < b ? -1 : 1)));
  return utf8(JSON.stringify(ordered));
}

function checkAad(aad: CredentialAad) {
  for (const k of ['tenantId', 'siteId', 'minerId'] as const) {
    if (typeof aad[k] !== 'string' || aad[k] === '') throw new CredentialError('FORMAT', `aad.${k} must be a non-empty string`);
  }
  if (!Number.isSafeInteger(aad.counter) || aad.counter < 1) throw new CredentialError('FORMAT', 'aad.counter must be a positive integer');
  if (!Number.isInteger(aad.schemaVersion)) throw new CredentialError('FORMAT', 'aad.schemaVersion must be an integer');
}

/**
 * Browser side: encrypt a miner credential (password, token) for one collector. A fresh random
 * 256-bit DEK encrypts the secret with AES-256-GCM under the AAD; the DEK is sealed to the
 * collector's X25519 key. Pure: no network, no storage.
 */
export function sealMinerCredential(input: {
  secret: string | Uint8Array;
  collectorPublicKey: Uint8Array;
  keyVersion?: number;
  aad: CredentialAad;
}): SealedMinerCredential {
  checkAad(input.aad);
  const dek = randomBytes(32);
  const nonce = randomBytes(12);
  const plain = typeof input.secret === 'string' ? utf8(input.secret) : input.secret;
  const ciphertext = gcm(dek, nonce, aadBytes(input.aad)).encrypt(plain);
  const sealedDek = cryptoBoxSeal(dek, input.collectorPublicKey);
  dek.fill(0);
  return {
    alg: CREDENTIAL_ALG,
    keyVersion: input.keyVersion ?? 1,
    sealedDek: toBase64(sealedDek),
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
    aad: { ...input.aad },
  };
}

/**
 * Collector side. Refuses a counter not above `lastCounter` (the highest it has accepted for this
 * miner: an old ciphertext replayed by the cloud is a rollback) and any AAD that is not the one
 * expected; then opens the DEK and the secret, whose GCM tag covers the AAD.
 */
export function openMinerCredential(
  sealed: SealedMinerCredential,
  collectorKey: { publicKey: Uint8Array; secretKey: Uint8Array },
  expectedAad: Omit<CredentialAad, 'counter'>,
  lastCounter: number,
): { secret: Uint8Array; counter: number } {
  if (!sealed || sealed.alg !== CREDENTIAL_ALG || !sealed.aad) throw new CredentialError('FORMAT', 'not a sealed miner credential');
  checkAad(sealed.aad);
  for (const k of ['tenantId', 'siteId', 'minerId', 'schemaVersion'] as const) {
    if (sealed.aad[k] !== expectedAad[k]) throw new CredentialError('AAD_MISMATCH', `credential is bound to another ${k}`);
  }
  if (sealed.aad.counter <= lastCounter) {
    throw new CredentialError('ROLLBACK', `counter ${sealed.aad.counter} is not above the last accepted ${lastCounter}`);
  }
  let dek: Uint8Array;
  try {
    dek = cryptoBoxSealOpen(fromBase64(sealed.sealedDek), collectorKey.publicKey, collectorKey.secretKey);
  } catch {
    throw new CredentialError('DECRYPT_FAILED', 'the data key does not open with this collector key');
  }
  try {
    const secret = gcm(dek, fromBase64(sealed.nonce), aadBytes(sealed.aad)).decrypt(fromBase64(sealed.ciphertext));
    return { secret, counter: sealed.aad.counter };
  } catch {
    throw new CredentialError('DECRYPT_FAILED', 'ciphertext or AAD was altered');
  } finally {
    dek.fill(0);
  }
}

/** Rotation: open with the old key and seal again to the new one with the next counter. */
export function resealMinerCredential(
  sealed: SealedMinerCredential,
  oldKey: { publicKey: Uint8Array; secretKey: Uint8Array },
  newKey: { keyVersion: number; publicKey: Uint8Array },
  lastCounter: number,
): SealedMinerCredential {
  const { tenantId, siteId, minerId, schemaVersion } = sealed.aad;
  const { secret, counter } = openMinerCredential(sealed, oldKey, { tenantId, siteId, minerId, schemaVersion }, lastCounter);
  try {
    return sealMinerCredential({
      secret,
      collectorPublicKey: newKey.publicKey,
      keyVersion: newKey.keyVersion,
      aad: { ...sealed.aad, counter: counter + 1 },
    });
  } finally {
    secret.fill(0);
  }
}
