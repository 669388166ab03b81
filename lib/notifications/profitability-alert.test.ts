import { describe, expect, it } from 'vitest';
import { alertMessage } from './profitability-alert';

describe('alertMessage', () => {
  it.each([
    ['en', 'hashprice_below', 38.2, 40, 'HashInsight: Hashprice below $40.00/PH/day', '$38.20 per PH/s per day'],
    ['en', 'profit_below', -12.5, 0, 'HashInsight: Mining profit below $0.00/day', '-$12.50 per day'],
    ['en', 'difficulty_change_above', 6.25, 5, 'HashInsight: Difficulty changed +6.25%', 'beyond your threshold of 5.00%'],
    ['zh', 'hashprice_below', 38.2, 40, 'HashInsight: 算力价格低于 $40.00/PH/天', '$38.20'],
    ['fr', 'difficulty_change_above', -3, 2, 'HashInsight: Difficulty changed -3.00%', 'changed -3.00%'],
  ] as const)('%s %s', (locale, kind, value, threshold, subject, inText) => {
    const m = alertMessage({ locale, kind, value, threshold, bucket: '2026-06-01T12:00:00.000Z', appName: 'HashInsight' });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(inText);
    expect(m.text).toContain('2026-06-01T12:00:00.000Z');
  });

  it.each(['en', 'zh'])('names a white-label brand instead of the product (%s)', (locale) => {
    const m = alertMessage({ locale, kind: 'hashprice_below', value: 38.2, threshold: 40, bucket: '2026-06-01T12:00:00.000Z', appName: 'Acme Hosting' });
    expect(m.subject.startsWith('Acme Hosting: ')).toBe(true);
    expect(m.text).toContain('Acme Hosting →');
    expect(`${m.subject}\n${m.text}`).not.toContain('HashInsight');
  });
});
