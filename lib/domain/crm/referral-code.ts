// No 0/O, 1/I/L: a code read out over the phone or typed from a flyer cannot be mistaken.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERRAL_CODE_LENGTH = 8;

/** A referral code from `bytes` random bytes (crypto in the caller, so this stays pure and testable). */
export function referralCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < REFERRAL_CODE_LENGTH) throw new RangeError('need 8 random bytes');
  return Array.from(bytes.subarray(0, REFERRAL_CODE_LENGTH), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** How a typed code is compared: trimmed, upper-case, spaces and dashes dropped; null when it cannot be a code. */
export function normalizeReferralCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,16}$/.test(code) ? code : null;
}
