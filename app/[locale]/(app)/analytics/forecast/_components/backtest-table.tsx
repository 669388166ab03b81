import { getTranslations } from 'next-intl/server';
import type { Backtest } from '@/lib/domain/forecast/backtest';
import { formatPercent } from '@/lib/format';

/** The rolling-origin backtest beside a forecast: the model against the naive forecast, and a plain verdict. */
export async function BacktestTable({ backtest, format, locale, unitName }: { backtest: Backtest | null; format: (v: number) => string; locale: string; unitName: string }) {
  const t = await getTranslations('Forecast');
  if (!backtest) return <p className="text-muted">{t('noBacktest')}</p>;
  const rows = [
    { key: 'model', m: backtest.model },
    { key: 'naive', m: backtest.naive },
  ] as const;
  return (
    <div>
      <p className="mb-1 text-xs text-muted">{t('backtestTitle', { origins: backtest.origins, horizon: backtest.horizon, unit: unitName, n: backtest.model.n })}</p>
      <table className="w-full text-xs tabular-nums">
        <thead>
          <tr className="text-muted">
            <th className="text-left font-normal" />
            <th className="text-right font-normal">RMSE</th>
            <th className="text-right font-normal">MAE</th>
            <th className="text-right font-normal">MAPE</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{t(r.key === 'model' ? 'backtestModel' : 'backtestNaive')}</td>
              <td className="text-right">{format(r.m.rmse)}</td>
              <td className="text-right">{format(r.m.mae)}</td>
              <td className="text-right">{formatPercent(r.m.mape, locale, { digits: 2 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`mt-1 text-xs ${backtest.beatsNaive ? 'text-ok' : 'text-warn'}`} data-testid="backtest-verdict">
        {t(backtest.beatsNaive ? 'beatsNaive' : 'doesNotBeatNaive')}
      </p>
    </div>
  );
}
