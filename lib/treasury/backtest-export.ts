import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/routing';
import { type SheetRecord, sheetsToXlsx } from '@/lib/spreadsheet/write';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { StrategyKind } from '@/lib/domain/treasury/strategies';
import type { BacktestResult } from './backtest-run';

/*
 * A backtest as a workbook: the comparison, every day's balances per template, every trade, and the
 * assumptions. Headers in the user's language; money as USD numbers (cents / 100, exact in range),
 * BTC as numbers (sats / 1e8); a ratio that is undefined is an empty cell, never 0.
 */

export const exportTranslator = (locale: Locale) => createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'TreasuryBacktest' });

const usd = (cents: number) => cents / 100;
const btc = (sats: number) => sats / 1e8;
const opt = (v: number | null, scale = 1) => (v === null ? '' : v * scale);

export async function backtestXlsx(r: BacktestResult, locale: Locale): Promise<ArrayBuffer> {
  const t = exportTranslator(locale);
  const name = (kind: StrategyKind) => t(`kind.${kind}`);
  const summary: SheetRecord[] = r.runs.map((run) => ({
    [t('col.strategy')]: name(run.params.kind),
    [t('col.trades')]: run.trades.length,
    [t('col.soldBtc')]: btc(run.soldSats),
    [t('col.netUsd')]: usd(run.netCents),
    [t('col.feesUsd')]: usd(run.feeCents),
    [t('col.avgSell')]: opt(run.avgSellCentsPerBtc, 0.01),
    [t('col.twap')]: opt(r.twapCentsPerBtc, 0.01),
    [t('col.finalBtc')]: btc(run.btcSats.at(-1) ?? 0),
    [t('col.finalCash')]: usd(run.cashCents.at(-1) ?? 0),
    [t('col.finalEquity')]: usd(run.equityCents.at(-1) ?? 0),
    [t('col.totalReturnPct')]: opt(run.metrics.totalReturn, 100),
    [t('col.maxDrawdownPct')]: opt(run.metrics.maxDrawdown, 100),
    [t('col.sharpe')]: opt(run.metrics.sharpe),
    [t('col.sortino')]: opt(run.metrics.sortino),
    [t('col.minCash')]: usd(run.minCashCents),
  }));
  const daily: SheetRecord[] = r.days.map((d, i) => {
    const row: SheetRecord = { [t('col.day')]: d.day, [t('col.close')]: usd(d.closeCentsPerBtc), [t('col.producedBtc')]: btc(d.producedSats), [t('col.costsUsd')]: usd(d.costsCents) };
    for (const run of r.runs) {
      row[`${name(run.params.kind)} · ${t('col.equity')}`] = usd(run.equityCents[i]!);
      row[`${name(run.params.kind)} · ${t('col.btc')}`] = btc(run.btcSats[i]!);
      row[`${name(run.params.kind)} · ${t('col.cash')}`] = usd(run.cashCents[i]!);
    }
    return row;
  });
  const trades: SheetRecord[] = r.runs.flatMap((run) =>
    run.trades.map((tr) => ({
      [t('col.strategy')]: name(run.params.kind),
      [t('col.day')]: tr.day,
      [t('col.soldBtc')]: btc(tr.sats),
      [t('col.fill')]: usd(tr.fillCentsPerBtc),
      [t('col.grossUsd')]: usd(tr.grossCents),
      [t('col.feesUsd')]: usd(tr.feeCents),
      [t('col.netUsd')]: usd(tr.netCents),
    })),
  );
  const assumptions: SheetRecord[] = assumptionLines(r, locale).map(([k, v]) => ({ [t('col.item')]: k, [t('col.value')]: v }));
  return sheetsToXlsx([
    { name: t('sheet.summary'), records: summary },
    { name: t('sheet.daily'), records: daily },
    { name: t('sheet.trades'), records: trades.length ? trades : [{ [t('col.strategy')]: t('noTrades') }] },
    { name: t('sheet.assumptions'), records: assumptions },
  ]);
}

/** The assumptions both exports and the page state, as (label, text) pairs. */
export function assumptionLines(r: BacktestResult, locale: Locale): Array<[string, string]> {
  const t = exportTranslator(locale);
  const q = r.query;
  return [
    [t('a.period'), `${q.from} – ${q.to} (${r.days.length})`],
    [t('a.fleet'), r.usedFleet.map((f) => `${f.model} × ${f.count}`).join(', ') || '—'],
    [t('a.costs'), t('a.costsValue', { fee: q.fee / 100, slip: q.slip / 100, poolFee: q.poolFee / 100, uptime: q.uptime / 100 })],
    [t('a.start'), t('a.startValue', { cash: usd(r.startCashCents), btc: btc(q.startBtc) })],
    [t('a.production'), q.production === 'pool' ? t('productionFromPool') : t('production')],
    [t('a.prices'), t('prices', { bundled: r.prices.bundledDays, fetched: r.prices.fetchedDays })],
    [t('a.feesCarried'), r.feesCarried.map((x) => (x.from === x.to ? x.from : `${x.from} – ${x.to}`)).join(', ') || '—'],
    [t('a.twap'), t('twapNote')],
    [t('a.ratios'), t('ratiosNote')],
  ];
}
