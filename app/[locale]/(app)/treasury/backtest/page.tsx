import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { fleetModelCosts } from '@/db/queries/market/economics';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { isOrgWide } from '@/lib/core/scope';
import { AppError } from '@/lib/core/errors';
import { type FleetLine, MAX_FEE_CARRY_DAYS, type MissingRange } from '@/lib/domain/treasury/backtest-input';
import type { StrategyKind } from '@/lib/domain/treasury/strategies';
import { formatBtcFromSats, formatDate, formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { type BacktestResult, runTreasuryBacktest } from '@/lib/treasury/backtest-run';
import { thisMonthActions } from '@/lib/treasury/this-month';
import { backtestQuerySchema, strategiesOf } from '@/lib/validation/treasury-backtest';
import { BacktestForm } from './_components/backtest-form';
import { StrategyChart } from './_components/strategy-chart';
import { ThisMonthCard } from './_components/this-month-card';

export const generateMetadata = pageTitle('treasuryBacktest');

const COLORS: Record<string, string> = { hold: '#9aa0b8', dcaBtc: '#f7931a', dcaUsd: '#ffd54f', coverOpex: '#81c784', priceLadder: '#4fc3f7', aboveCost: '#ba68c8', hashprice: '#e57373' };

type Search = Record<string, string | string[] | undefined>;

export default async function TreasuryBacktestPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Search> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'treasury:backtest');
  const sp = await searchParams;
  const t = await getTranslations('TreasuryBacktest');
  const tErr = await getTranslations('Errors');
  const db = await getDb();
  const parsed = backtestQuerySchema.safeParse(sp);
  const errors: Record<string, string> = {};
  let result: BacktestResult | null = null;
  let missing: MissingRange[] | null = null;
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  else {
    try {
      result = await runTreasuryBacktest(db, actor.scope, parsed.data);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'HISTORY_MISSING') throw e;
      missing = (e.details?.missing as MissingRange[]) ?? [];
    }
  }
  // This month's actions read the ledger: organization-wide roles with the ledger permission only.
  const ledger = can(actor.role, 'treasury:ledger', 'READ') && isOrgWide(actor.scope);
  const q = parsed.success ? parsed.data : backtestQuerySchema.parse({});
  const thisMonth = ledger ? await thisMonthActions(db, actor.scope, new Date(), await getCurrentNetwork(), strategiesOf(q), { feeBps: q.fee, slippageBps: q.slip }) : null;
  const fleet: FleetLine[] = result?.fleet ?? (await fleetModelCosts(db, actor.scope)).map((m) => ({ model: m.model, count: m.units, hashrateThs: m.units ? m.hashrateThs / m.units : 0, powerW: m.units ? m.powerW / m.units : 0, usdPerKwh: m.usdPerKwh }));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const one of [v ?? []].flat()) query.append(k, one);
  const d = (day: string) => formatDate(day, locale);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="mb-4">
        <BacktestForm values={sp} fleet={fleet} errors={errors} />
      </Card>
      <div className="mb-4">{thisMonth ? <ThisMonthCard m={thisMonth} locale={locale} /> : <p className="text-xs text-muted">{t('thisMonth.hidden')}</p>}</div>
      {missing ? (
        <div className="mb-4 rounded-lg border border-bad p-4 text-sm" role="alert" data-testid="backtest-missing">
          <p className="font-medium text-bad">{tErr('HISTORY_MISSING')}</p>
          <ul className="mt-2 list-disc pl-5">
            {missing.map((m) => (
              <li key={`${m.kind}-${m.from}`}>{t('missingRange', { kind: t(`missing.${m.kind}`), from: d(m.from), to: d(m.to) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? <Results r={result} locale={locale} query={query.toString()} /> : null}
    </>
  );
}

async function Results({ r, locale, query }: { r: BacktestResult; locale: string; query: string }) {
  const t = await getTranslations('TreasuryBacktest');
  const days = r.days.map((x) => x.day);
  const marks = r.halvings.map((h) => ({ day: h.day, label: t('halving', { height: formatNumber(h.height, locale) }) }));
  const name = (kind: StrategyKind) => t(`kind.${kind}`);
  const ratio = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, { digits: 2 }));
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v * 100, locale));
  const sep = query ? '&' : '';
  return (
    <div className="space-y-4" data-testid="backtest-results">
      <p className="text-xs text-muted" data-testid="backtest-source">
        {t('prices', { bundled: r.prices.bundledDays, fetched: r.prices.fetchedDays })} {r.query.production === 'pool' ? t('productionFromPool') : t('production')}{' '}
        {r.feesCarried.length ? t('feesCarried', { days: r.feesCarried.map((x) => (x.from === x.to ? dateOf(x.from, locale) : `${dateOf(x.from, locale)} – ${dateOf(x.to, locale)}`)).join(', '), max: MAX_FEE_CARRY_DAYS }) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        <a className={buttonClass('secondary')} href={`/api/treasury/backtest/export?format=xlsx&locale=${locale}${sep}${query}`} download>
          {t('exportXlsx')}
        </a>
        <a className={buttonClass('secondary')} href={`/api/treasury/backtest/export?format=pdf&locale=${locale}${sep}${query}`} download>
          {t('exportPdf')}
        </a>
      </div>
      <Card title={t('equityChart')}>
        <div data-testid="chart-equity">
          <StrategyChart days={days} lines={r.runs.map((run) => ({ name: name(run.params.kind), values: run.equityCents.map((c) => c / 100), color: COLORS[run.params.kind]! }))} unit="usd" marks={marks} locale={locale} emptyLabel={t('emptyChart')} />
        </div>
        <p className="mt-1 text-xs text-muted">{t('equityNote')}</p>
      </Card>
      <Card title={t('btcChart')}>
        <StrategyChart days={days} lines={r.runs.map((run) => ({ name: name(run.params.kind), values: run.btcSats.map((s) => s / 1e8), color: COLORS[run.params.kind]! }))} unit="btc" marks={marks} locale={locale} emptyLabel={t('emptyChart')} />
      </Card>
      <Card title={t('compare')}>
        <div className="overflow-x-auto">
          <table className="w-full whitespace-nowrap text-sm" data-testid="backtest-table">
            <thead className="text-left text-xs text-muted">
              <tr>
                {['strategy', 'trades', 'soldBtc', 'avgSell', 'finalBtc', 'finalCash', 'finalEquity', 'totalReturnPct', 'maxDrawdownPct', 'sharpe', 'sortino', 'minCash'].map((c) => (
                  <th key={c} className={`py-1 pr-3 font-normal ${c === 'strategy' ? '' : 'text-right'}`}>
                    {t(`col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.runs.map((run) => (
                <tr key={run.params.kind} className="border-t border-line" data-testid={`row-${run.params.kind}`}>
                  <td className="py-1 pr-3">{name(run.params.kind)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(run.trades.length, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatBtcFromSats(run.soldSats, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{run.avgSellCentsPerBtc === null ? '—' : formatUsdFromCents(run.avgSellCentsPerBtc, locale, 0)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatBtcFromSats(run.btcSats.at(-1) ?? 0, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatUsdFromCents(run.cashCents.at(-1) ?? 0, locale, 0)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatUsdFromCents(run.equityCents.at(-1) ?? 0, locale, 0)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(run.metrics.totalReturn)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(run.metrics.maxDrawdown)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{ratio(run.metrics.sharpe)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{ratio(run.metrics.sortino)}</td>
                  <td className={`py-1 text-right tabular-nums ${run.minCashCents < 0 ? 'text-bad' : ''}`}>{formatUsdFromCents(run.minCashCents, locale, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-xs text-muted" data-testid="twap">
          {t('twapLine', { twap: r.twapCentsPerBtc === null ? '—' : formatUsdFromCents(r.twapCentsPerBtc, locale, 0) })} {t('twapNote')}
        </p>
      </Card>
      <Card title={t('formulasTitle')}>
        <ul className="space-y-1 text-xs text-muted" data-testid="formulas">
          <li>{t('formulas.return')}</li>
          <li>{t('formulas.drawdown')}</li>
          <li>{t('formulas.sharpe')}</li>
          <li>{t('formulas.sortino')}</li>
          <li>{t('ratiosNote')}</li>
          <li>{t('cashNote')}</li>
        </ul>
      </Card>
    </div>
  );
}

const dateOf = (day: string, locale: string) => formatDate(day, locale);
