import { formatBtc } from './btc';
import { DIFFICULTY_UNITS, formatDifficulty } from './difficulty';
import { formatHashrate, HASHRATE_UNITS } from './hashrate';
import { formatUsd } from './money';
import { formatNumber } from './number';
import { formatIn, formatScaled, unitFor } from './scale';

/** What a chart's values are; plain data, so a server page can hand it to a client chart. */
export type ChartUnit = 'count' | 'usd' | 'btc' | 'hashrateThs' | 'difficulty';

export type ChartFormat = { tick: (v: number) => string; tooltip: (v: number) => string };

/**
 * Axis ticks and tooltips for a chart. Ticks share one unit, that of the largest value (an axis of
 * "500 TH/s, 1 PH/s" would not read as a scale); a tooltip shows its own value at full precision.
 * On a log axis (`log`), which spans many orders of magnitude, each tick takes its own unit; a USD
 * axis over a few dollars (hashprice) asks for cents with `usdDigits`.
 */
export function chartFormat(unit: ChartUnit, locale: string, values: readonly number[], { log = false, usdDigits = 0 }: { log?: boolean; usdDigits?: number } = {}): ChartFormat {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  switch (unit) {
    case 'hashrateThs': {
      const axis = unitFor(largest, HASHRATE_UNITS, HASHRATE_UNITS[4]!);
      return { tick: (v) => (log ? formatHashrate(v, locale) : formatIn(v, axis, locale)), tooltip: (v) => formatHashrate(v, locale) };
    }
    case 'difficulty': {
      const axis = unitFor(largest, DIFFICULTY_UNITS, DIFFICULTY_UNITS[0]!);
      const tick = (v: number) => (log ? formatScaled(v, DIFFICULTY_UNITS, DIFFICULTY_UNITS[0]!, locale) : formatIn(v, axis, locale)).trim();
      return { tick, tooltip: (v) => (v >= 1e10 ? formatDifficulty(v, locale) : formatNumber(v, locale, { digits: 2 })) };
    }
    case 'usd':
      return { tick: (v) => formatUsd(v, locale, usdDigits), tooltip: (v) => formatUsd(v, locale) };
    case 'btc':
      return { tick: (v) => formatNumber(v, locale, { digits: 8 }), tooltip: (v) => formatBtc(v, locale) };
    case 'count':
      return { tick: (v) => formatNumber(v, locale, { digits: 2 }), tooltip: (v) => formatNumber(v, locale, { digits: 2 }) };
  }
}
