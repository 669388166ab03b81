import { base58checkDecode } from '@/lib/domain/web3/base58check';
import { checkBtcAddress } from '@/lib/domain/web3/btc-address';
import { checkEvmAddress } from '@/lib/domain/web3/evm-address';

export const DEPOSIT_ASSETS = ['BTC', 'USDT'] as const;
export type DepositAsset = (typeof DEPOSIT_ASSETS)[number];
export const DEPOSIT_NETWORKS = { BTC: ['mainnet', 'testnet'], USDT: ['tron', 'ethereum'] } as const;
export type DepositNetwork = (typeof DEPOSIT_NETWORKS)[DepositAsset][number];

/** Why an address is refused, as a validation key of the form's `address` field. */
export type DepositAddressProblem = 'required' | 'invalid' | 'network';
export type DepositAddressCheck = { ok: true; address: string } | { ok: false; problem: DepositAddressProblem };

/**
 * Checks a deposit address for its asset and network before it is stored and shown to a client:
 * BTC by its bech32/bech32m or base58check checksum (lib/domain/web3/btc-address.ts) and on the
 * network chosen (a testnet address is refused for mainnet); USDT on Ethereum by the EVM rule
 * (EIP-55 when mixed case), on Tron as base58check of a 21-byte payload starting 0x41 ("T…").
 * The address comes back in its canonical form (segwit lower-case, EVM checksummed).
 */
export function checkDepositAddress(asset: DepositAsset, network: string, raw: string): DepositAddressCheck {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'required' };
  if (!(DEPOSIT_NETWORKS[asset] as readonly string[]).includes(network)) return { ok: false, problem: 'network' };
  if (asset === 'BTC') {
    const r = checkBtcAddress(text, network === 'mainnet' ? 'mainnet' : 'testnet');
    if (r.ok) return { ok: true, address: r.address };
    return { ok: false, problem: r.reason === 'network' ? 'network' : r.reason === 'empty' ? 'required' : 'invalid' };
  }
  if (network === 'ethereum') {
    const r = checkEvmAddress(text);
    return r.ok ? { ok: true, address: r.address } : { ok: false, problem: 'invalid' };
  }
  const payload = /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text) ? base58checkDecode(text) : null;
  return payload && payload.length === 21 && payload[0] === 0x41 ? { ok: true, address: text } : { ok: false, problem: 'invalid' };
}

/** What the QR code carries: a BIP-21 URI for bitcoin (wallets open it as a payment), the bare address otherwise. */
export function depositQrText(asset: DepositAsset, address: string): string {
  return asset === 'BTC' ? `bitcoin:${address}` : address;
}
