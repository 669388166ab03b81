import { formatBtc } from './btc';
import { formatHashrate, HASHRATE_UNITS } from './hashrate';
import { formatUsd } from './money';
import { formatNumber } from './number';
import { formatIn, unitFor } from './scale';

/** What a chart's values are; plain data, so a server page can hand it to a client chart. */
export type ChartUnit = 'count' | 'usd' | 'btc' | 'hashrateThs';

export type ChartFormat = { tick: (v: number) => string; tooltip: (v: number) => string };

/**
 * Axis ticks and tooltips for a chart. Ticks share one unit, that of the largest value (an axis of
 * "500 TH/s, 1 PH/s" would not read as a scale); a tooltip shows its own value at full precision.
 */
export function chartFormat(unit: ChartUnit, locale: string, values: readonly number[]): ChartFormat {
  switch (unit) {
    case 'hashrateThs': {
      const axis = unitFor(values.reduce((m, v) => Math.max(m, Math.abs(v)), 0), HASHRATE_UNITS, HASHRATE_UNITS[4]!);
      return { tick: (v) => formatIn(v, axis, locale), tooltip: (v) => formatHashrate(v, locale) };
    }
    case 'usd':
      return { tick: (v) => formatUsd(v, locale, 0), tooltip: (v) => formatUsd(v, locale) };
    case 'btc':
      return { tick: (v) => formatNumber(v, locale, { digits: 8 }), tooltip: (v) => formatBtc(v, locale) };
    case 'count':
      return { tick: (v) => formatNumber(v, locale, { digits: 2 }), tooltip: (v) => formatNumber(v, locale, { digits: 2 }) };
  }
}
