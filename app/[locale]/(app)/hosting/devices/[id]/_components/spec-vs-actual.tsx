import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { type SpecRow, specDeviation } from '@/lib/domain/hosting/spec-deviation';
import { formatEfficiency, formatHashrate, formatPercent, formatPower } from '@/lib/format';

const FORMAT: Record<SpecRow['key'], (v: number | null, locale: string) => string> = { hashrate: formatHashrate, power: formatPower, efficiency: formatEfficiency };

type Live = { online: boolean; hashrateAvgThs: number | null; hashrate5sThs: number | null; powerW: number | null } | null;

/** The model's nominal figures beside the latest reading, with the gap in percent. */
export async function SpecVsActual({ nominal, live }: { nominal: { hashrateThs: number; powerW: number }; live: Live }) {
  const [t, locale] = await Promise.all([getTranslations('MinerDashboard'), getLocale()]);
  const rows = specDeviation(nominal, live && live.online ? { hashrateThs: live.hashrateAvgThs ?? live.hashrate5sThs, powerW: live.powerW } : null);
  return (
    <Card title={t('specVsActual')}>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="py-1 font-normal">{t('figure')}</th>
            <th className="py-1 text-right font-normal">{t('nominal')}</th>
            <th className="py-1 text-right font-normal">{t('actual')}</th>
            <th className="py-1 text-right font-normal">{t('deviation')}</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-line">
              <td className="py-2 font-sans text-muted">{t(`figures.${r.key}`)}</td>
              <td className="py-2 text-right">{FORMAT[r.key](r.nominal, locale)}</td>
              <td className="py-2 text-right">{FORMAT[r.key](r.actual, locale)}</td>
              <td className={`py-2 text-right ${r.tone === 'bad' ? 'text-bad' : r.tone === 'warn' ? 'text-warn' : r.tone === 'ok' ? 'text-ok' : 'text-muted'}`}>
                {formatPercent(r.deviationPct, locale, { signed: true })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!live || !live.online ? <p className="mt-2 text-xs text-muted">{live ? t('offlineNoActual') : t('noTelemetry')}</p> : null}
    </Card>
  );
}
