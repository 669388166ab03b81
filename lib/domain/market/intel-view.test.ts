import { describe, expect, it } from 'vitest';
import { intelView, isMissing, type StoredIntelRow } from './intel-view';

const now = new Date('2026-12-07T09:00:00Z');
const at = (iso: string) => new Date(iso);
const funding = (rate: number, intervalHours: number) => ({ instrument: 'X', rate, intervalHours, nextFundingAt: null, observedAt: '2026-12-07T08:59:00.000Z' });

describe('intelView', () => {
  it('no rows: every exchange "not fetched yet", nothing invented', () => {
    const v = intelView([], now);
    expect(v.funding).toEqual([{ missing: true, source: 'binance', failedAt: null }, { missing: true, source: 'okx', failedAt: null }, { missing: true, source: 'deribit', failedAt: null }]);
    expect(isMissing(v.iv)).toBe(true);
  });

  it.each([
    // fetched 15 min ago: fresh; 61 min ago: stale (past the 60-minute limit)
    ['2026-12-07T08:45:00Z', false],
    ['2026-12-07T07:59:00Z', true],
  ])('fetched at %s → stale %s', (fetched, stale) => {
    const rows: StoredIntelRow[] = [{ source: 'okx', metric: 'funding', payload: funding(0.00005, 8), observedAt: at(fetched), fetchedAt: at(fetched), attemptedAt: at(fetched), lastError: null }];
    const cell = intelView(rows, now).funding[1]!;
    expect(isMissing(cell)).toBe(false);
    // 0.00005 × 3 × 365 × 100 = 5.475 % a year
    expect(cell).toMatchObject({ source: 'okx', stale, annualisedPct: expect.closeTo(5.475, 10), failedAt: null });
  });

  it('a failure after the last success keeps the value and says when it failed; a failure with no value is missing with its time', () => {
    const rows: StoredIntelRow[] = [
      { source: 'binance', metric: 'funding', payload: funding(0.0001, 8), observedAt: at('2026-12-07T08:00:00Z'), fetchedAt: at('2026-12-07T08:00:00Z'), attemptedAt: at('2026-12-07T08:45:00Z'), lastError: 'answered 503' },
      { source: 'deribit', metric: 'iv_term', payload: null, observedAt: null, fetchedAt: null, attemptedAt: at('2026-12-07T08:45:00Z'), lastError: 'timeout' },
    ];
    const v = intelView(rows, now);
    expect(v.funding[0]).toMatchObject({ rate: 0.0001, fetchedAt: '2026-12-07T08:00:00.000Z', failedAt: '2026-12-07T08:45:00.000Z', stale: false });
    expect(v.iv).toEqual({ missing: true, source: 'deribit', failedAt: '2026-12-07T08:45:00.000Z' });
  });
});
