import { describe, expect, it } from 'vitest';
import { edgeAlertMessage } from './edge-alert';

const base = { appName: 'HashInsight', rule: 'Hot chips', miner: 'A-01-17' };

describe('edgeAlertMessage', () => {
  it.each([
    ['en', 'opened', '92 °C', '[HashInsight] Hot chips: A-01-17 alert (92 °C)'],
    ['en', 'resolved', null, '[HashInsight] Hot chips: A-01-17 recovered'],
    // Figures through lib/format: grouped minutes, the percent sign without a space, the decimals kept.
    ['en', 'opened', '4320 min', '[HashInsight] Hot chips: A-01-17 alert (4,320 min)'],
    ['en', 'opened', '85.0 %', '[HashInsight] Hot chips: A-01-17 alert (85.0%)'],
    ['en', 'opened', '1.25 %', '[HashInsight] Hot chips: A-01-17 alert (1.25%)'],
    ['zh', 'opened', '92.5 °C', '[HashInsight] Hot chips：矿机 A-01-17 告警（92.5 °C）'],
    ['zh', 'resolved', '12 min', '[HashInsight] Hot chips：矿机 A-01-17 已恢复（12 分钟）'],
    ['zh', 'opened', '0 rpm', '[HashInsight] Hot chips：矿机 A-01-17 告警（0 转/分）'],
    // A value it cannot read goes out as stored.
    ['zh', 'opened', 'n/a', '[HashInsight] Hot chips：矿机 A-01-17 告警（n/a）'],
  ] as const)('%s %s %s', (locale, transition, value, want) => {
    const m = edgeAlertMessage({ ...base, locale, transition, value });
    expect(m.subject).toBe(want);
    expect(m.text).toBe(want);
  });
});
