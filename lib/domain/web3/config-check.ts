import type { ValidationKey } from '@/lib/core/field-errors';
import { type BtcAddressKind, type BtcNetwork, checkBtcAddress } from './btc-address';
import { checkEvmAddress } from './evm-address';
import { type ExtendedKeyKind, parseExtendedKey, receiveAddresses } from './extended-key';

/** How many receive addresses the wizard derives and shows from a watch-only key. */
export const PREVIEW_ADDRESSES = 5;

export type Web3Draft = {
  btcLabel: string;
  btcAddress: string | null;
  btcNetwork: BtcNetwork;
  usdtLabel: string;
  usdtAddress: string | null;
  xpubLabel: string;
  xpub: string | null;
  exchange: string | null;
  exchangeLabel: string;
  apiKey: string | null;
  apiSecret: string | null;
};

/** What the confirmation step shows and the save stores: normalized, and with no secret in it. */
export type Web3Review = {
  btc: { label: string; address: string; network: BtcNetwork; kind: BtcAddressKind } | null;
  usdt: { label: string; address: string; checksummed: boolean } | null;
  wallet: { label: string; kind: ExtendedKeyKind; network: BtcNetwork; extendedKey: string; addresses: { index: number; address: string }[] } | null;
  exchange: { exchange: string; label: string; keyHint: string } | null;
};

/** An API key as the pages show it: its last four characters, the rest hidden. */
export const maskKey = (key: string) => `••••${key.slice(-4)}`;

const BTC_ERRORS: Record<string, ValidationKey> = { empty: 'required', format: 'invalid', checksum: 'checksum', program: 'invalid', network: 'wrongNetwork' };
const KEY_ERRORS: Record<string, ValidationKey> = { empty: 'required', format: 'invalid', checksum: 'checksum', private: 'privateKey', version: 'invalid', point: 'invalid' };

/**
 * Checks everything the wizard collected: each address by its checksum (and the BTC one on the
 * network chosen), the extended key as a public one with its first receive addresses derived, and an
 * exchange key as a pair. Field errors name message keys; the review holds no secret.
 */
export function checkWeb3Draft(d: Web3Draft): { errors: Record<string, ValidationKey>; review: Web3Review } {
  const errors: Record<string, ValidationKey> = {};
  const review: Web3Review = { btc: null, usdt: null, wallet: null, exchange: null };
  if (d.btcAddress) {
    const r = checkBtcAddress(d.btcAddress, d.btcNetwork);
    if (r.ok) review.btc = { label: d.btcLabel, address: r.address, network: r.network, kind: r.kind };
    else errors.btcAddress = BTC_ERRORS[r.reason]!;
  }
  if (d.usdtAddress) {
    const r = checkEvmAddress(d.usdtAddress);
    if (r.ok) review.usdt = { label: d.usdtLabel, address: r.address, checksummed: r.checksummed };
    else errors.usdtAddress = r.reason === 'checksum' ? 'checksum' : 'invalid';
  }
  if (d.xpub) {
    const r = parseExtendedKey(d.xpub);
    if (r.ok) review.wallet = { label: d.xpubLabel, kind: r.key.kind, network: r.key.network, extendedKey: d.xpub.trim(), addresses: receiveAddresses(r.key, PREVIEW_ADDRESSES) };
    else errors.xpub = KEY_ERRORS[r.reason]!;
  }
  if (d.exchange || d.apiKey || d.apiSecret) {
    if (!d.exchange) errors.exchange = 'required';
    if (!d.apiKey) errors.apiKey = 'required';
    if (!d.apiSecret) errors.apiSecret = 'required';
    if (d.exchange && d.apiKey && d.apiSecret) review.exchange = { exchange: d.exchange, label: d.exchangeLabel, keyHint: maskKey(d.apiKey) };
  }
  return { errors, review };
}
