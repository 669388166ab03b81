/*
 * Every figure a user reads — pages, chart axes and tooltips, e-mails — is formatted here, so the same
 * quantity reads the same everywhere. Pure and locale-aware (Intl, 'en' / 'zh'; formatters cached).
 * Inputs carry their unit in the parameter name (ths, w, wh, usd, cents, sats, pct, seconds).
 *
 * One convention per unit:
 * - hashrate, power, energy: auto-scaled to the largest unit in which the value is at least 1
 *   (H/s → EH/s, W → GW, Wh → GWh), 4 significant digits, trailing zeros dropped, the integer part
 *   never rounded: "1.036 EH/s", "95.32 TH/s", "20.89 MW", "480 kWh". Unit symbols are SI, the
 *   same in both locales.
 * - money: the currency's narrow symbol ("$" in both locales), fixed decimals: 2 (cents) by default,
 *   0 for large aggregates and prices, 4 for rates per kWh.
 * - BTC: 8 fixed decimals (one satoshi); sats as whole numbers.
 * - percent: a value in percent, fixed decimals (1 by default), "12.3%" without a space.
 * - efficiency: 1 decimal J/TH; difficulty: 2 decimals T.
 * - counts and other plain numbers: the locale's grouping, decimals only when asked.
 * - durations: the two largest units, CLDR narrow labels ("3d 4h", "3天 4小时").
 * - dates: medium date / short time in an IANA time zone (UTC unless the site's applies).
 * - a missing value (null, undefined, NaN, ±Infinity) is "—", never "0".
 */
export { formatBtc, formatBtcFromSats, formatSats } from './btc';
export { formatBytes } from './bytes';
export { type ChartFormat, chartFormat, type ChartUnit } from './chart';
export { formatChartTime, formatDate, formatDateTime } from './date';
export { formatDifficulty } from './difficulty';
export { formatDuration } from './duration';
export { formatEfficiency } from './efficiency';
export { formatEnergy } from './energy';
export { formatHashrate, thsFromHs } from './hashrate';
export { type FormatLocale, formatLocale, MISSING } from './locale';
export { formatMoney, formatUsd, formatUsdFromCents } from './money';
export { formatNumber } from './number';
export { formatPercent } from './percent';
export { formatPower } from './power';
