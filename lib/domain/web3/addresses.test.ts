import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { bech32Decode, decodeSegwit } from './bech32';
import { checkBtcAddress } from './btc-address';
import { checkEvmAddress, toChecksumAddress } from './evm-address';
import { parseExtendedKey, deriveChild, receiveAddresses, serializeExtendedKey } from './extended-key';

// BIP-173 and BIP-350 "Test vectors": valid strings of each checksum, valid segwit addresses with
// their scriptPubKey, and the invalid ones with the reason the BIP gives.
describe('bech32 and bech32m checksums', () => {
  it.each(['A12UEL5L', 'a12uel5l', 'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w', '?1ezyfcl'])(
    'reads %s as bech32',
    (s) => expect(bech32Decode(s)?.encoding).toBe('bech32'),
  );
  it.each(['A1LQFN3A', 'a1lqfn3a', 'abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx', 'split1checkupstagehandshakeupstreamerranterredcaperredlc445v', '?1v759aa'])('reads %s as bech32m', (s) =>
    expect(bech32Decode(s)?.encoding).toBe('bech32m'),
  );
  it.each(['A1G7SGD8', '10a06t8', '1qzzfhee', 'x1b4n0q5v', 'li1dgmt3', 'de1lg7wt\u00ff', 'A1G7SGD8', 'an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx'])('refuses %s', (s) =>
    expect(bech32Decode(s)).toBeNull(),
  );
});

const VALID_SEGWIT: [string, string][] = [
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', '0014751e76e8199196d454941c45d1b3a323f1433bd6'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', '00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262'],
  ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', '5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6'],
  ['BC1SW50QGDZ25J', '6002751e'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', '5210751e76e8199196d454941c45d1b3a323'],
  ['tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy', '0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433'],
  ['tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c', '5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', '512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798'],
];

function scriptPubKey(version: number, program: Uint8Array) {
  return bytesToHex(Uint8Array.from([version ? version + 0x50 : 0, program.length, ...program]));
}

describe('segwit addresses (BIP-173, BIP-350)', () => {
  it.each(VALID_SEGWIT)('decodes %s to %s', (address, spk) => {
    const hrp = address.toLowerCase().startsWith('bc') ? 'bc' : 'tb';
    const decoded = decodeSegwit(hrp, address);
    expect(decoded).not.toBeNull();
    expect(scriptPubKey(decoded!.version, decoded!.program)).toBe(spk);
  });

  it.each([
    'tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', // invalid hrp
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', // bech32 instead of bech32m
    'tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', // bech32 instead of bech32m
    'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', // bech32 instead of bech32m
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', // bech32m instead of bech32
    'tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', // bech32m instead of bech32
    'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', // invalid character in checksum
    'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', // invalid witness version
    'bc1pw5dgrnzv', // invalid program length (1 byte)
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', // program length 41
    'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', // invalid program length for witness version 0
    'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', // mixed case
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', // zero padding of more than 4 bits
    'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', // non-zero padding in 8-to-5 conversion
    'bc1gmk9yu', // empty data section
  ])('refuses %s', (address) => {
    expect(checkBtcAddress(address).ok).toBe(false);
  });
});

describe('checkBtcAddress', () => {
  it.each([
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'mainnet', 'p2wpkh'],
    ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'testnet', 'p2wsh'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'mainnet', 'p2tr'],
    // The genesis block's coinbase address, and the P2SH example of BIP-13's era.
    [' 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'mainnet', 'p2pkh'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'mainnet', 'p2sh'],
    ['mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r', 'mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r', 'testnet', 'p2pkh'],
  ])('accepts %s', (raw, address, network, kind) => {
    expect(checkBtcAddress(raw)).toEqual({ ok: true, address, network, kind });
  });

  it('names the reason', () => {
    expect(checkBtcAddress('')).toEqual({ ok: false, reason: 'empty' });
    // One character of the genesis address changed: the base58check checksum catches it.
    expect(checkBtcAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkBtcAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkBtcAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual({ ok: false, reason: 'format' });
    expect(checkBtcAddress('tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'mainnet')).toEqual({ ok: false, reason: 'network' });
  });
});

describe('EIP-55', () => {
  it.each([
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ])('accepts the EIP’s example %s', (address) => {
    expect(checkEvmAddress(address).ok).toBe(true);
  });

  it('writes the checksum and refuses a wrong one', () => {
    expect(toChecksumAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    expect(checkEvmAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toEqual({ ok: true, address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', checksummed: false });
    expect(checkEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA')).toEqual({ ok: false, reason: 'format' });
  });
});

// BIP-32 test vector 1 (seed 000102030405060708090a0b0c0d0e0f): the public keys along m/0H/1/2H/2/1000000000.
const V1 = {
  m0h: 'xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw',
  m0h1: 'xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ',
  m0h12h2: 'xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV',
  m0h12h21000000000: 'xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy',
};

describe('extended public keys (BIP-32)', () => {
  const parse = (s: string) => {
    const r = parseExtendedKey(s);
    if (!r.ok) throw new Error(r.reason);
    return r.key;
  };

  it('derives test vector 1’s public children: m/0H → m/0H/1 and m/0H/1/2H/2 → …/1000000000', () => {
    expect(serializeExtendedKey(deriveChild(parse(V1.m0h), 1))).toBe(V1.m0h1);
    expect(serializeExtendedKey(deriveChild(parse(V1.m0h12h2), 1000000000))).toBe(V1.m0h12h21000000000);
    expect(parse(V1.m0h12h21000000000)).toMatchObject({ kind: 'xpub', network: 'mainnet', depth: 5, childNumber: 1000000000 });
  });

  it('refuses a private key, a broken checksum and a hardened index', () => {
    expect(parseExtendedKey('xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi')).toEqual({ ok: false, reason: 'private' });
    expect(parseExtendedKey(V1.m0h1.slice(0, -1) + 'R')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseExtendedKey('not a key')).toEqual({ ok: false, reason: 'format' });
    expect(() => deriveChild(parse(V1.m0h), 0x80000000)).toThrow(RangeError);
  });

  // BIP-84, BIP-49 and BIP-44 (SLIP-132) test vectors: "abandon … about", account 0.
  it.each([
    ['zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs', ['bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g']],
    ['ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ke7icmizBMXrzBx9979FfaHxHcrArf3zbeJJJUZPf663zsP', ['37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf', '3LtMnn87fqUeHBUG414p9CWwnoV6E2pNKS']],
    ['xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj', ['1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA']],
  ])('derives the receive addresses of %s', (key, expected) => {
    expect(receiveAddresses(parse(key), expected.length).map((a) => a.address)).toEqual(expected);
  });
});
