import { createDecipheriv } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { aadBytes, CredentialError, openMinerCredential, resealMinerCredential, sealMinerCredential, type SealedMinerCredential } from './envelope';
import { exportPublicKey, findKey, generateCollectorKeyPair, importPublicKey, rotateCollectorKey } from './keys';
import { cryptoBoxSeal, cryptoBoxSealOpen } from './sealed-box';
import { fromBase64, toBase64 } from './encoding';

beforeAll(async () => {
  await sodium.ready;
});

const aad = { tenantId: 'org-1', siteId: 'site-7', minerId: 'miner-42', counter: 3, schemaVersion: 1 };
const expected = { tenantId: 'org-1', siteId: 'site-7', minerId: 'miner-42', schemaVersion: 1 };

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CredentialError ? e.code : `other: ${(e as Error).message}`;
  }
}

describe('crypto_box_seal compatibility with libsodium', () => {
  it('a box sealed here opens with libsodium crypto_box_seal_open', () => {
    const kp = sodium.crypto_box_keypair();
    const msg = new TextEncoder().encode('antminer root password');
    const sealed = cryptoBoxSeal(msg, kp.publicKey);
    expect(sealed.length).toBe(msg.length + sodium.crypto_box_SEALBYTES);
    const opened = sodium.crypto_box_seal_open(sealed, kp.publicKey, kp.privateKey);
    expect(new TextDecoder().decode(opened)).toBe('antminer root password');
  });

  it('a box sealed by libsodium opens here', () => {
    const pair = generateCollectorKeyPair();
    const msg = sodium.randombytes_buf(32);
    const sealed = sodium.crypto_box_seal(msg, pair.publicKey);
    expect(Array.from(cryptoBoxSealOpen(sealed, pair.publicKey, pair.secretKey))).toEqual(Array.from(msg));
  });

  it('our X25519 public key matches libsodium for the same secret key', () => {
    const pair = generateCollectorKeyPair();
    expect(Array.from(sodium.crypto_scalarmult_base(pair.secretKey))).toEqual(Array.from(pair.publicKey));
  });

  it('a flipped byte or the wrong key fails to open', () => {
    const pair = generateCollectorKeyPair();
    const other = generateCollectorKeyPair();
    const sealed = cryptoBoxSeal(new Uint8Array([1, 2, 3]), pair.publicKey);
    const bad = sealed.slice();
    bad[40]! ^= 1;
    expect(() => cryptoBoxSealOpen(bad, pair.publicKey, pair.secretKey)).toThrow();
    expect(() => cryptoBoxSealOpen(sealed, other.publicKey, other.secretKey)).toThrow();
  });
});

describe('miner credential envelope', () => {
  const pair = generateCollectorKeyPair(2);

  it('round-trips a secret; the stored form never contains it', () => {
    const sealed = sealMinerCredential({ secret: 'hunter2-root', collectorPublicKey: pair.publicKey, keyVersion: 2, aad });
    expect(JSON.stringify(sealed)).not.toContain('hunter2');
    expect(fromBase64(sealed.sealedDek)).toHaveLength(80);
    expect(fromBase64(sealed.nonce)).toHaveLength(12);
    expect(fromBase64(sealed.ciphertext)).toHaveLength('hunter2-root'.length + 16);
    const { secret, counter } = openMinerCredential(sealed, pair, expected, 2);
    expect(new TextDecoder().decode(secret)).toBe('hunter2-root');
    expect(counter).toBe(3);
  });

  it('opens with independent implementations: DEK with libsodium, secret with OpenSSL AES-256-GCM', () => {
    const sealed = sealMinerCredential({ secret: 'pw-ü', collectorPublicKey: pair.publicKey, aad });
    const dek = sodium.crypto_box_seal_open(fromBase64(sealed.sealedDek), pair.publicKey, pair.secretKey);
    expect(dek).toHaveLength(32);
    const ct = fromBase64(sealed.ciphertext);
    const decipher = createDecipheriv('aes-256-gcm', dek, fromBase64(sealed.nonce));
    decipher.setAAD(aadBytes(aad));
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    const plain = Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
    expect(plain.toString('utf8')).toBe('pw-ü');
    expect(new TextDecoder().decode(aadBytes(aad))).toBe('{"counter":3,"minerId":"miner-42","schemaVersion":1,"siteId":"site-7","tenantId":"org-1"}');
  });

  it('refuses rollback: counter equal to or below the last accepted', () => {
    const sealed = sealMinerCredential({ secret: 'pw', collectorPublicKey: pair.publicKey, aad });
    expect(errorCode(() => openMinerCredential(sealed, pair, expected, 3))).toBe('ROLLBACK');
    expect(errorCode(() => openMinerCredential(sealed, pair, expected, 9))).toBe('ROLLBACK');
  });

  it('refuses a credential bound to another miner, site or tenant', () => {
    const sealed = sealMinerCredential({ secret: 'pw', collectorPublicKey: pair.publicKey, aad });
    expect(errorCode(() => openMinerCredential(sealed, pair, { ...expected, minerId: 'miner-43' }, 0))).toBe('AAD_MISMATCH');
    expect(errorCode(() => openMinerCredential(sealed, pair, { ...expected, siteId: 'site-8' }, 0))).toBe('AAD_MISMATCH');
    expect(errorCode(() => openMinerCredential(sealed, pair, { ...expected, tenantId: 'org-2' }, 0))).toBe('AAD_MISMATCH');
  });

  it('an AAD edited in storage (to pass the checks) breaks the GCM tag', () => {
    const sealed = sealMinerCredential({ secret: 'pw', collectorPublicKey: pair.publicKey, aad });
    // The cloud bumps the counter of an old ciphertext to replay it: the tag no longer matches.
    const bumped: SealedMinerCredential = { ...sealed, aad: { ...sealed.aad, counter: 10 } };
    expect(errorCode(() => openMinerCredential(bumped, pair, expected, 5))).toBe('DECRYPT_FAILED');
  });

  it('a tampered ciphertext, nonce or sealed DEK fails', () => {
    const sealed = sealMinerCredential({ secret: 'password', collectorPublicKey: pair.publicKey, aad });
    const flip = (b64: string) => {
      const b = fromBase64(b64);
      b[0]! ^= 0x80;
      return toBase64(b);
    };
    expect(errorCode(() => openMinerCredential({ ...sealed, ciphertext: flip(sealed.ciphertext) }, pair, expected, 0))).toBe('DECRYPT_FAILED');
    expect(errorCode(() => openMinerCredential({ ...sealed, nonce: flip(sealed.nonce) }, pair, expected, 0))).toBe('DECRYPT_FAILED');
    expect(errorCode(() => openMinerCredential({ ...sealed, sealedDek: flip(sealed.sealedDek) }, pair, expected, 0))).toBe('DECRYPT_FAILED');
  });

  it('rejects a malformed AAD before sealing', () => {
    expect(errorCode(() => sealMinerCredential({ secret: 'x', collectorPublicKey: pair.publicKey, aad: { ...aad, counter: 0 } }))).toBe('FORMAT');
    expect(errorCode(() => sealMinerCredential({ secret: 'x', collectorPublicKey: pair.publicKey, aad: { ...aad, minerId: '' } }))).toBe('FORMAT');
  });
});

describe('key rotation', () => {
  it('rotates to the next version and re-seals under it with a higher counter', () => {
    const v1 = generateCollectorKeyPair(1);
    const v2 = rotateCollectorKey([v1]);
    expect(v2.keyVersion).toBe(2);
    const pub = importPublicKey(exportPublicKey(v2));
    const old = sealMinerCredential({ secret: 'pw', collectorPublicKey: v1.publicKey, keyVersion: 1, aad });
    const fresh = resealMinerCredential(old, v1, pub, 2);
    expect(fresh.keyVersion).toBe(2);
    expect(fresh.aad.counter).toBe(4);
    const key = findKey([v1, v2], fresh.keyVersion)!;
    expect(new TextDecoder().decode(openMinerCredential(fresh, key, expected, 3).secret)).toBe('pw');
    // The old key no longer opens the new DEK.
    expect(errorCode(() => openMinerCredential(fresh, v1, expected, 3))).toBe('DECRYPT_FAILED');
  });
});
