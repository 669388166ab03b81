import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const root = path.join(process.cwd(), 'app', '[locale]');
const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => path.basename(f) === 'page.tsx')
  .map((f) => ({ route: path.dirname(f), source: readFileSync(path.join(root, f), 'utf8') }));

// The landing page's title is the product's or the brand's name (the layout's default); the
// catch-all only answers 404.
const UNTITLED = new Set(['(public)', '[...rest]']);

describe('page titles', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(39);
  });

  it.each(pages.map((p) => [p.route, p.source]))('%s takes its title from messages', (route, source) => {
    // A literal <title>, in a static metadata export or any other metadata object, is English on a Chinese page.
    expect(source).not.toMatch(/export\s+const\s+metadata\b/);
    expect(source).not.toMatch(/\btitle\s*:\s*['"`]/);
    if (UNTITLED.has(route)) return;
    const key = source.match(/export const generateMetadata = pageTitle\('(\w+)'\);/)?.[1];
    expect(key, 'export const generateMetadata = pageTitle(key)').toBeDefined();
    expect(en.PageMeta.titles).toHaveProperty(key!);
    // Real Chinese, not a copy of the English.
    expect((zh.PageMeta.titles as Record<string, string>)[key!]).toMatch(/\p{Script=Han}/u);
  });

  it('renders a title in both locales', () => {
    const title = (locale: 'en' | 'zh') => createTranslator({ locale, messages: locale === 'en' ? en : zh, namespace: 'PageMeta.titles' })('hostingKpi');
    expect(title('en')).toBe('Hosting KPIs');
    expect(title('zh')).toBe('托管 KPI');
  });
});
