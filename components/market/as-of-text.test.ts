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
    // Price from 2026-01-06, difficulty and fees 2026-01-31, height 2026-01-22: one label with the span.
    expect(asOfText(t('en'), { asOf: s.asOf, sources: s.sources, locale: 'en', now }).text).toBe('As of Jan 6, 2026, 12:00 AM UTC · bundled history, Jan 6, 2026 to Jan 31, 2026');
    const zhText = asOfText(t('zh'), { asOf: s.asOf, sources: s.sources, locale: 'zh', now }).text;
    expect(zhText).toMatch(/^截至 2026年1月6日.* · /); expect(zhText).toContain('内置历史，2026年1月6日至2026年1月31日');
    // One bundled day alone keeps the single-day wording.
    expect(sourcesLabel(t('en'), { fees: 'bundled history (2026-01-31)', price: 'coingecko' }, 'en')).toBe('bundled history, Jan 31, 2026, coingecko');
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
