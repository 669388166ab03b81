import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PUBLIC = path.resolve(import.meta.dirname, '../../public');
const read = (name: string) => readFileSync(path.join(PUBLIC, name));

/** Width and height from a PNG's IHDR chunk, which always comes first after the 8-byte signature. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('public/', () => {
  it('keeps every crawler out (the app is behind sign-in; brand hosts are customers’)', () => {
    const lines = read('robots.txt').toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['User-agent: *', 'Disallow: /']);
  });

  it('has a web manifest whose icons exist with the sizes it states', () => {
    const manifest = JSON.parse(read('manifest.webmanifest').toString('utf8')) as { name: string; start_url: string; display: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest).toMatchObject({ name: 'HashInsight', start_url: '/', display: 'standalone', theme_color: '#1a1d2e', background_color: '#1a1d2e' });
    expect(manifest.icons.map((i) => i.purpose)).toEqual(expect.arrayContaining(['any', 'maskable']));
    for (const icon of manifest.icons) {
      const file = icon.src.replace(/^\//, '');
      expect(existsSync(path.join(PUBLIC, file)), icon.src).toBe(true);
      if (icon.type === 'image/png') expect(pngSize(read(file)), icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('draws the icon in the BTC orange on the app’s background', () => {
    const svg = read('icon.svg').toString('utf8');
    expect(svg).toContain('fill="#f7931a"');
    expect(svg).toContain('fill="#1a1d2e"');
    expect(pngSize(read('apple-touch-icon.png'))).toBe('180x180');
  });
});
