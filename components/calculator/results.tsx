'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Card, StatCard } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { btc, num, pct, usd } from '@/lib/calculator/format';
import type { EconomicsResult } from '@/lib/domain/mining/economics';
import { DISAGREEMENT_RATIO } from '@/lib/domain/mining/revenue';

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
        <StatCard label={t('netPerDay')} value={usd(locale, result.daily.netProfitUsd)} tone={result.daily.netProfitUsd >= 0 ? 'ok' : 'bad'} hint={t('margin', { value: pct(locale, result.marginPct) })} />
        <StatCard label={t('breakEvenKwh')} value={usd(locale, result.breakEvenElectricityUsdPerKwh, 4)} />
        <StatCard label={t('breakEvenPrice')} value={usd(locale, result.breakEvenBtcPriceUsd, 0)} />
        <StatCard label={t('payback')} value={result.paybackDays === null ? '—' : t('days', { value: num(locale, result.paybackDays, 0) })} />
        <StatCard label={t('hashprice')} value={usd(locale, result.hashpriceUsdPerPhDay)} hint={t('hashpriceHint', { btc: num(locale, result.hashpriceBtcPerThDay * 1000, 8) })} />
        <StatCard label={t('efficiency')} value={`${num(locale, result.efficiencyJPerTh, 1)} J/TH`} />
        <StatCard label={t('totalHashrate')} value={`${num(locale, result.totalHashrateThs, 1)} TH/s`} />
        <StatCard label={t('totalPower')} value={`${num(locale, result.totalPowerKw, 2)} kW`} hint={t('kwhPerDay', { value: num(locale, result.energyKwhPerDay, 1) })} />
      </div>

      <Card title={t('dualTitle')}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="dual-algorithm">
          <div>
            <div className="text-xs text-muted">{t('byDifficulty')}</div>
            <div className="tabular-nums" data-testid="algo-difficulty">
              {btc(locale, a.byDifficultyBtcPerDay)}
            </div>
            <div className="text-sm text-muted tabular-nums">{usd(locale, a.byDifficultyUsdPerDay)}</div>
          </div>
          <div>
            <div className="text-xs text-muted">{t('byNetworkShare')}</div>
            <div className="tabular-nums" data-testid="algo-network">
              {btc(locale, a.byNetworkShareBtcPerDay)}
            </div>
            <div className="text-sm text-muted tabular-nums">{usd(locale, a.byNetworkShareUsdPerDay)}</div>
          </div>
          <div>
            <div className="text-xs text-muted">{t('relativeDifference')}</div>
            <div className="tabular-nums" data-testid="algo-diff">
              {pct(locale, a.relativeDifference * 100, 2)}
            </div>
          </div>
        </div>
        {a.disagrees ? (
          <p role="alert" className="mt-3 rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" data-testid="algo-warning">
            {t('warnDisagree', { ratio: num(locale, a.ratio, 2), threshold: DISAGREEMENT_RATIO })}
          </p>
        ) : null}
        <p className="mt-2 text-xs text-muted">{t('dualHint')}</p>
      </Card>

      <Table label={t('periodsTitle')}>
        <thead>
          <tr>
            <Th>{t('period')}</Th>
            <Th className="text-right">{t('revenueBtc')}</Th>
            <Th className="text-right">{t('revenueUsd')}</Th>
            <Th className="text-right">{t('powerCost')}</Th>
            <Th className="text-right">{t('hostingFeeCost')}</Th>
            <Th className="text-right">{t('netProfit')}</Th>
          </tr>
        </thead>
        <tbody>
          {periods.map(([key, p]) => (
            <tr key={key}>
              <Td>{t(`periods.${key}`)}</Td>
              <Td className="text-right tabular-nums">{btc(locale, p.revenueBtc)}</Td>
              <Td className="text-right tabular-nums">{usd(locale, p.revenueUsd)}</Td>
              <Td className="text-right tabular-nums">{usd(locale, p.powerCostUsd)}</Td>
              <Td className="text-right tabular-nums">{usd(locale, p.hostingFeeUsd)}</Td>
              <Td className={`text-right tabular-nums ${p.netProfitUsd < 0 ? 'text-bad' : 'text-ok'}`}>{usd(locale, p.netProfitUsd)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {result.hosting ? (
        <Card title={t('hostingTitle')}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <StatCard label={t('clientPays')} value={usd(locale, result.hosting.clientPaysUsdPerDay)} />
            <StatCard label={t('siteCost')} value={usd(locale, result.hosting.siteCostUsdPerDay)} />
            <StatCard label={t('hostMargin')} value={usd(locale, result.hosting.hostMarginUsdPerDay)} hint={pct(locale, result.hosting.hostMarginPct)} tone={result.hosting.hostMarginUsdPerDay >= 0 ? 'ok' : 'bad'} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
