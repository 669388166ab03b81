'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { Card, StatCard } from '@/components/ui/card';
import type { EconomicsResult } from '@/lib/domain/mining/economics';
import { DISAGREEMENT_RATIO } from '@/lib/domain/mining/revenue';
import { formatBtc, formatEfficiency, formatEnergy, formatHashrate, formatNumber, formatPercent, formatPower, formatUsd } from '@/lib/format';

export function CalculatorResults({ result }: { result: EconomicsResult }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const a = result.algorithms;
  const periods = [
    ['daily', result.daily],
    ['monthly', result.monthly],
    ['yearly', result.yearly],
  ] as const;
  return (
    <div className="flex flex-col gap-4" data-testid="calculator-results">
      {result.daily.netProfitUsd < 0 ? (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
          {t('warnLoss')}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 2xl:grid-cols-4">
        <StatCard label={t('netPerDay')} value={formatUsd(result.daily.netProfitUsd, locale)} tone={result.daily.netProfitUsd >= 0 ? 'ok' : 'bad'} hint={t('margin', { value: formatPercent(result.marginPct, locale) })} />
        <StatCard label={t('breakEvenKwh')} value={formatUsd(result.breakEvenElectricityUsdPerKwh, locale, 4)} />
        <StatCard label={t('breakEvenPrice')} value={formatUsd(result.breakEvenBtcPriceUsd, locale, 0)} />
        <StatCard label={t('payback')} value={result.paybackDays === null ? '—' : t('days', { value: formatNumber(result.paybackDays, locale) })} />
        <StatCard label={t('hashprice')} value={formatUsd(result.hashpriceUsdPerPhDay, locale)} hint={t('hashpriceHint', { btc: formatBtc(result.hashpriceBtcPerThDay * 1000, locale, { unit: false }) })} />
        <StatCard label={t('efficiency')} value={formatEfficiency(result.efficiencyJPerTh, locale)} />
        <StatCard label={t('totalHashrate')} value={formatHashrate(result.totalHashrateThs, locale)} />
        <StatCard label={t('totalPower')} value={formatPower(result.totalPowerKw * 1000, locale)} hint={t('kwhPerDay', { value: formatEnergy(result.energyKwhPerDay * 1000, locale) })} />
      </div>

      <Card title={t('dualTitle')}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="dual-algorithm">
          <div>
            <div className="text-xs text-muted">{t('byDifficulty')}</div>
            <div className="tabular-nums" data-testid="algo-difficulty">
              {formatBtc(a.byDifficultyBtcPerDay, locale)}
            </div>
            <div className="text-sm text-muted tabular-nums">{formatUsd(a.byDifficultyUsdPerDay, locale)}</div>
          </div>
          <div>
            <div className="text-xs text-muted">{t('byNetworkShare')}</div>
            <div className="tabular-nums" data-testid="algo-network">
              {formatBtc(a.byNetworkShareBtcPerDay, locale)}
            </div>
            <div className="text-sm text-muted tabular-nums">{formatUsd(a.byNetworkShareUsdPerDay, locale)}</div>
          </div>
          <div>
            <div className="text-xs text-muted">{t('relativeDifference')}</div>
            <div className="tabular-nums" data-testid="algo-diff">
              {formatPercent(a.relativeDifference * 100, locale, { digits: 2 })}
            </div>
          </div>
        </div>
        {a.disagrees ? (
          <p role="alert" className="mt-3 rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" data-testid="algo-warning">
            {t('warnDisagree', { ratio: formatNumber(a.ratio, locale, { digits: 2 }), threshold: DISAGREEMENT_RATIO })}
          </p>
        ) : null}
        <p className="mt-2 text-xs text-muted">{t('dualHint')}</p>
      </Card>

      <DataTable
        label={t('periodsTitle')}
        rows={periods}
        rowKey={([key]) => key}
        columns={[
          { key: 'period', header: t('period'), cell: ([key]) => t(`periods.${key}`) },
          { key: 'revenueBtc', header: t('revenueBtc'), figure: true, cell: ([, p]) => formatBtc(p.revenueBtc, locale) },
          { key: 'revenueUsd', header: t('revenueUsd'), figure: true, cell: ([, p]) => formatUsd(p.revenueUsd, locale) },
          { key: 'powerCost', header: t('powerCost'), figure: true, cell: ([, p]) => formatUsd(p.powerCostUsd, locale) },
          { key: 'hostingFee', header: t('hostingFeeCost'), figure: true, cell: ([, p]) => formatUsd(p.hostingFeeUsd, locale) },
          { key: 'net', header: t('netProfit'), figure: true, cellClassName: ([, p]) => (p.netProfitUsd < 0 ? 'text-bad' : 'text-ok'), cell: ([, p]) => formatUsd(p.netProfitUsd, locale) },
        ]}
      />

      {result.hosting ? (
        <Card title={t('hostingTitle')}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <StatCard label={t('clientPays')} value={formatUsd(result.hosting.clientPaysUsdPerDay, locale)} />
            <StatCard label={t('siteCost')} value={formatUsd(result.hosting.siteCostUsdPerDay, locale)} />
            <StatCard label={t('hostMargin')} value={formatUsd(result.hosting.hostMarginUsdPerDay, locale)} hint={formatPercent(result.hosting.hostMarginPct, locale)} tone={result.hosting.hostMarginUsdPerDay >= 0 ? 'ok' : 'bad'} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
