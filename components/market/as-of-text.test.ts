import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { bundledSnapshot } from '@/lib/integrations/market/bundled';
import en from '@/messages/en.json' with { type: 'json' };
import zh from '@/messages/zh.json' with { type: 'json' };
import { asOfText, sourcesLabel } from './as-of-text';

const t = (locale: 'en' | 'zh') => createTranslator({ locale, messages: locale === 'en' ? en : zh, namespace: 'Market' }) as never;
const now = new Date('2026-12-06T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const live = { price: 'coingecko', difficulty: 'mempool.space', fees: 'mempool.space' };

describe('asOfText: the one freshness label', () => {
  it('14 minutes old reads "Current", 16 minutes old "As of <date> · <source>"', () => {
    expect(asOfText(t('en'), { asOf: minutesAgo(14), sources: live, locale: 'en', now })).toEqual({ current: true, text: 'Current · Dec 6, 2026, 11:46 AM UTC' });
    expect(asOfText(t('en'), { asOf: minutesAgo(16), sources: live, locale: 'en', now })).toEqual({ current: false, text: 'As of Dec 6, 2026, 11:44 AM UTC · coingecko, mempool.space' });
    expect(asOfText(t('zh'), { asOf: minutesAgo(14), sources: live, locale: 'zh', now }).text).toMatch(/^当前 · /);
    expect(asOfText(t('zh'), { asOf: minutesAgo(16), sources: live, locale: 'zh', now }).text).toMatch(/^截至 .* · coingecko，mempool\.space$/);
  });

  it('the offline snapshot: its date, the bundled source and the fee day, translated in both locales', () => {
    const s = bundledSnapshot();
    expect(asOfText(t('en'), { asOf: s.asOf, sources: s.sources, locale: 'en', now }).text).toBe('As of Dec 30, 2024, 11:27 PM UTC · bundled (mempool.space), bundled history, Jan 31, 2026');
    const zhText = asOfText(t('zh'), { asOf: s.asOf, sources: s.sources, locale: 'zh', now }).text;
    expect(zhText).toMatch(/^截至 2024年12月30日/);
    expect(zhText).toContain('内置（mempool.space）');
    expect(zhText).toContain('内置历史，2026年1月31日');
    // No English words left but the provider's own name and the time zone.
    expect(zhText.replace('mempool.space', '').replace('UTC', '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('a day reads as that day, without a time', () => {
    expect(asOfText(t('en'), { asOf: '2026-01-06', sources: 'daily history', locale: 'en', now }).text).toBe('As of Jan 6, 2026 · daily history');
  });

  it('every source kind has its translation in both locales', () => {
    const all = { a: 'x (stored)', b: 'derived from x difficulty', c: 'derived from x difficulty (stored)', d: 'bundled (x)', e: 'bundled history (2026-01-31)', h: 'daily history', f: 'unavailable', g: 'x' };
    expect(sourcesLabel(t('en'), all, 'en')).toBe('x (stored), derived from x difficulty, derived from x difficulty (stored), bundled (x), bundled history, Jan 31, 2026, daily history, unavailable, x');
    expect(sourcesLabel(t('zh'), all, 'zh').replaceAll('x', '')).not.toMatch(/[A-Za-z]/);
  });
});
