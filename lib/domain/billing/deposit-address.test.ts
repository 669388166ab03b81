import { describe, expect, it } from 'vitest';
import { checkDepositAddress, depositQrText } from './deposit-address';

// Vectors: BIP-173/BIP-350 test vectors, the genesis block's P2PKH address, a well-known P2SH, the
// USDT contract's own addresses on Tron and Ethereum (both public, checksummed as published).
describe('checkDepositAddress', () => {
  it.each([
    ['BTC', 'mainnet', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', null],
    ['BTC', 'mainnet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', null],
    ['BTC', 'mainnet', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', null],
    ['BTC', 'mainnet', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', null],
    ['BTC', 'testnet', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', null],
    // The mainnet program under the testnet prefix: the checksum covers the prefix, so it fails.
    ['BTC', 'testnet', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'invalid'],
  ] as const)('%s %s %s', (asset, network, address, problem) => {
    const r = checkDepositAddress(asset, network, address);
    if (problem) expect(r).toMatchObject({ ok: false });
    else expect(r).toEqual({ ok: true, address });
  });

  it('refuses a broken checksum, a testnet address for mainnet, an unknown network and blank input', () => {
    expect(checkDepositAddress('BTC', 'mainnet', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDepositAddress('BTC', 'mainnet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDepositAddress('BTC', 'mainnet', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7')).toEqual({ ok: false, problem: 'network' });
    expect(checkDepositAddress('BTC', 'tron', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual({ ok: false, problem: 'network' });
    expect(checkDepositAddress('BTC', 'mainnet', '   ')).toEqual({ ok: false, problem: 'required' });
  });

  it('USDT on Tron (base58check, 0x41) and on Ethereum (EIP-55)', () => {
    expect(checkDepositAddress('USDT', 'tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({ ok: true, address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' });
    expect(checkDepositAddress('USDT', 'tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDepositAddress('USDT', 'ethereum', '0xdac17f958d2ee523a2206206994597c13d831ec7')).toEqual({ ok: true, address: '0xdAC17F958D2ee523a2206206994597C13D831ec7' });
    expect(checkDepositAddress('USDT', 'ethereum', '0xdAC17F958D2ee523a2206206994597C13D831eC7')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('the QR text is a BIP-21 URI for bitcoin', () => {
    expect(depositQrText('BTC', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe('bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(depositQrText('USDT', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
  });
});
