import { x25519 } from '@noble/curves/ed25519.js';
import { hsalsa, secretbox } from '@noble/ciphers/salsa.js';
import { blake2b } from '@noble/hashes/blake2.js';

/**
 * libsodium's crypto_box_seal, written on the noble primitives so the browser needs no WASM:
 *   sealed = epk ‖ crypto_box(m, nonce, recipientPk, esk),  nonce = BLAKE2b-192(epk ‖ recipientPk),
 *   crypto_box key = HSalsa20(X25519(esk, recipientPk), 0¹⁶), box = XSalsa20-Poly1305 (tag ‖ ciphertext).
 * The tests open these with libsodium-wrappers and open libsodium's with this.
 */
export const SEAL_OVERHEAD = 32 + 16;

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]); // "expand 32-byte k"

function u32le(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

function bytesLe(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return out;
}

/** crypto_box_beforenm: the shared XSalsa20-Poly1305 key. */
function boxKey(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  const shared = x25519.getSharedSecret(secretKey, publicKey);
  const out = new Uint32Array(8);
  hsalsa(SIGMA, u32le(shared), new Uint32Array(4), out);
  return bytesLe(out);
}

function sealNonce(epk: Uint8Array, recipientPk: Uint8Array): Uint8Array {
  const input = new Uint8Array(64);
  input.set(epk, 0);
  input.set(recipientPk, 32);
  return blake2b(input, { dkLen: 24 });
}

export function cryptoBoxSeal(message: Uint8Array, recipientPk: Uint8Array): Uint8Array {
  if (recipientPk.length !== 32) throw new Error('recipient public key must be 32 bytes');
  const esk = x25519.utils.randomSecretKey();
  const epk = x25519.getPublicKey(esk);
  const box = secretbox(boxKey(esk, recipientPk), sealNonce(epk, recipientPk)).seal(message);
  esk.fill(0);
  const out = new Uint8Array(32 + box.length);
  out.set(epk, 0);
  out.set(box, 32);
  return out;
}

/** Throws when the box was not sealed to this key pair or was altered. */
export function cryptoBoxSealOpen(sealed: Uint8Array, recipientPk: Uint8Array, recipientSk: Uint8Array): Uint8Array {
  if (sealed.length < SEAL_OVERHEAD) throw new Error('sealed box too short');
  const epk = sealed.subarray(0, 32);
  return secretbox(boxKey(recipientSk, epk), sealNonce(epk, recipientPk)).open(sealed.subarray(32));
}
