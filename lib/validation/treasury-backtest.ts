import { DEFAULT_PARAMS, PERIODS, STRATEGY_KINDS, type StrategyKind, type StrategyParams } from '@/lib/domain/treasury/strategies';
import { z } from './zod';

/*
 * The backtest form (a GET form, so a result is a link) and its export route read the same query.
 * Amounts come as the user types them (USD, BTC, %) and leave as integer cents, sats and basis points.
 */

export const BACKTEST_DEFAULT_PERIOD = { from: '2024-01-01', to: '2025-12-31' } as const;
/** Ten years of days at most: the page draws every day. */
export const MAX_BACKTEST_DAYS = 3_660;
export const MAX_FLEET_LINES = 50;

const day = z.iso.date('invalid');
const num = (min: number, max: number) => z.coerce.number('invalid').min(min, 'invalid').max(max, 'invalid');
const cents = (max: number) => num(0, max).transform((v) => Math.round(v * 100));
const bps = (max: number) => num(0, max).transform((v) => Math.round(v * 100));
const sats = num(0, 21_000_000).transform((v) => Math.round(v * 1e8));

/** "80000:10, 100000:20" → pairs of (number, percent); at most 10 pairs. */
const pairs = (maxFirst: number) =>
  z
    .string()
    .trim()
    .max(200, 'tooLong')
    .transform((v, ctx) => {
      const out: Array<[number, number]> = [];
      for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(part);
        const a = m ? Number(m[1]) : Number.NaN;
        const b = m ? Number(m[2]) : Number.NaN;
        if (!(a >= 0 && a <= maxFirst && b > 0 && b <= 100) || out.length >= 10) {
          ctx.addIssue({ code: 'custom', message: 'invalid' });
          return z.NEVER;
        }
        out.push([a, b]);
      }
      return out;
    });

const blank = (v: unknown) => (v === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T, fallback: z.input<T>) => z.preprocess(blank, s.optional()).transform((v) => (v === undefined ? s.parse(fallback) : v)) as unknown as z.ZodType<z.output<T>>;

const D = DEFAULT_PARAMS;
/** The form's starting values as the user would type them (USD, BTC, %); the schema's defaults too. */
export const BACKTEST_FORM_DEFAULTS = {
  from: BACKTEST_DEFAULT_PERIOD.from,
  to: BACKTEST_DEFAULT_PERIOD.to,
  startCash: '',
  startBtc: '0',
  fee: '0.1',
  slip: '0.2',
  poolFee: '2.5',
  uptime: '98',
  other: '0',
  dcaBtc: String(D.dcaBtc.sats / 1e8),
  dcaBtcEvery: D.dcaBtc.every,
  dcaUsd: String(D.dcaUsd.cents / 100),
  dcaUsdEvery: D.dcaUsd.every,
  buffer: String(D.coverOpex.bufferBps / 100),
  ladder: D.priceLadder.rungs.map((r) => `${r.priceCents / 100}:${r.sellBps / 100}`).join(', '),
  layers: D.aboveCost.layers.map((l) => `${l.markupBps / 100}:${l.sellBps / 100}`).join(', '),
  hpThreshold: String(D.hashprice.thresholdUsdPerPhDay),
  hpDir: D.hashprice.direction,
  hpSell: String(D.hashprice.sellBps / 100),
  production: 'model',
} as const;
const F = BACKTEST_FORM_DEFAULTS;

export const backtestQuerySchema = z
  .object({
    from: opt(day, F.from),
    to: opt(day, F.to),
    t: z.preprocess((v) => (v === undefined ? [...STRATEGY_KINDS] : [v].flat()), z.array(z.enum(STRATEGY_KINDS, 'invalid')).min(1, 'required').max(STRATEGY_KINDS.length)),
    /** Units of each fleet line (by its place in the fleet list); blank = the fleet's own count. */
    n: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.preprocess(blank, num(0, 1_000_000).int('invalid').optional())).max(MAX_FLEET_LINES)),
    /** Blank: three months of the fleet's modelled costs (worked out by the loader). */
    startCash: z.preprocess(blank, cents(1e10).optional()),
    startBtc: opt(sats, F.startBtc),
    fee: opt(bps(5), F.fee),
    slip: opt(bps(5), F.slip),
    poolFee: opt(bps(10), F.poolFee),
    uptime: opt(bps(100), F.uptime),
    other: opt(cents(1e9), F.other),
    dcaBtc: opt(sats, F.dcaBtc),
    dcaBtcEvery: opt(z.enum(PERIODS, 'invalid'), F.dcaBtcEvery),
    dcaUsd: opt(cents(1e9), F.dcaUsd),
    dcaUsdEvery: opt(z.enum(PERIODS, 'invalid'), F.dcaUsdEvery),
    buffer: opt(bps(100), F.buffer),
    ladder: opt(pairs(10_000_000), F.ladder),
    layers: opt(pairs(10_000), F.layers),
    hpThreshold: opt(num(0, 100_000), F.hpThreshold),
    hpDir: opt(z.enum(['above', 'below'], 'invalid'), F.hpDir),
    hpSell: opt(bps(100), F.hpSell),
    /** 'model': the fleet through the calculator each day; 'pool': the pool's recorded daily earnings. */
    production: opt(z.enum(['model', 'pool'], 'invalid'), F.production),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'invalid' });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_BACKTEST_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'invalid' });
  });

export type BacktestQuery = z.output<typeof backtestQuerySchema>;

/** The chosen templates with their parameters, in the templates' own order. */
export function strategiesOf(q: BacktestQuery): StrategyParams[] {
  const byKind: { [K in StrategyKind]: StrategyParams } = {
    hold: { kind: 'hold' },
    dcaBtc: { kind: 'dcaBtc', sats: q.dcaBtc, every: q.dcaBtcEvery },
    dcaUsd: { kind: 'dcaUsd', cents: q.dcaUsd, every: q.dcaUsdEvery },
    coverOpex: { kind: 'coverOpex', bufferBps: q.buffer },
    priceLadder: { kind: 'priceLadder', rungs: q.ladder.map(([usd, pct]) => ({ priceCents: Math.round(usd * 100), sellBps: Math.round(pct * 100) })) },
    aboveCost: { kind: 'aboveCost', layers: q.layers.map(([markup, pct]) => ({ markupBps: Math.round(markup * 100), sellBps: Math.round(pct * 100) })) },
    hashprice: { kind: 'hashprice', thresholdUsdPerPhDay: q.hpThreshold, direction: q.hpDir, sellBps: q.hpSell },
  };
  return STRATEGY_KINDS.filter((k) => q.t.includes(k)).map((k) => byKind[k]);
}
