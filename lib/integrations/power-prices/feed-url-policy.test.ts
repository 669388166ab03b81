import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { assertPublicFeedUrl, type Resolve } from './feed-url-policy';

/** A DNS stand-in: each name's addresses, as a resolver would return them all. */
const dns: Record<string, string[]> = {
  'prices.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'mixed.example.com': ['93.184.216.34', '10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
  'loop.example.com': ['127.0.0.1'],
};
const resolve: Resolve = async (host) => {
  const a = dns[host];
  if (!a) throw new Error('ENOTFOUND');
  return a;
};

async function codeOf(url: string, allowLoopback = false): Promise<string> {
  try {
    await assertPublicFeedUrl(url, { allowLoopback, resolve });
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return `${e.code}:${e.fieldErrors?.feedUrl}`;
    throw e;
  }
}

describe("a strike plan's HTTP price-feed URL (SSRF)", () => {
  it.each([
    ['https://prices.example.com/ercot', 'ok'],
    ['http://93.184.216.34:8080/p', 'ok'],
    ['https://mixed.example.com/p', 'VALIDATION:privateFeedAddress'], // one private address among public ones is enough
    ['https://metadata.example.com/latest', 'VALIDATION:privateFeedAddress'],
    ['http://169.254.169.254/latest/meta-data/', 'VALIDATION:privateFeedAddress'],
    ['http://[::ffff:169.254.169.254]/', 'VALIDATION:privateFeedAddress'], // IPv4-mapped
    ['http://10.1.2.3/p', 'VALIDATION:privateFeedAddress'],
    ['http://192.168.0.10/p', 'VALIDATION:privateFeedAddress'],
    ['http://[fe80::1]/p', 'VALIDATION:privateFeedAddress'],
    ['http://[fd00::1]/p', 'VALIDATION:privateFeedAddress'],
    ['http://127.0.0.1:3000/p', 'VALIDATION:privateFeedAddress'],
    ['http://localhost:3000/p', 'VALIDATION:privateFeedAddress'],
    ['http://loop.example.com/p', 'VALIDATION:privateFeedAddress'],
    ['http://[::1]/p', 'VALIDATION:privateFeedAddress'],
    ['https://nowhere.example.com/p', 'VALIDATION:hostUnresolved'],
  ])('%s → %s', async (url, expected) => {
    expect(await codeOf(url)).toBe(expected);
  });

  it('with the loopback flag (tests, demo), loopback passes and nothing else private does', async () => {
    expect(await codeOf('http://127.0.0.1:3000/p', true)).toBe('ok');
    expect(await codeOf('http://localhost:3000/p', true)).toBe('ok');
    expect(await codeOf('http://[::1]/p', true)).toBe('ok');
    expect(await codeOf('http://loop.example.com/p', true)).toBe('ok');
    expect(await codeOf('http://[::ffff:127.0.0.1]/p', true)).toBe('ok');
    expect(await codeOf('http://169.254.169.254/', true)).toBe('VALIDATION:privateFeedAddress');
    expect(await codeOf('http://10.0.0.1/', true)).toBe('VALIDATION:privateFeedAddress');
    expect(await codeOf('https://mixed.example.com/p', true)).toBe('VALIDATION:privateFeedAddress');
  });
});
