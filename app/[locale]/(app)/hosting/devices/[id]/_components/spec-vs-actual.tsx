import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { specDeviation } from '@/lib/domain/hosting/spec-deviation';

type Live = { online: boolean; hashrateAvgThs: number | null; hashrate5sThs: number | null; powerW: number | null } | null;

/** The model's nominal figures beside the latest reading, with the gap in percent. */
export async function SpecVsActual({ nominal, live }: { nominal: { hashrateThs: number; powerW: number }; live: Live }) {
  const [t, format] = await Promise.all([getTranslations('MinerDashboard'), getFormatter()]);
  const rows = specDeviation(nominal, live && live.online ? { hashrateThs: live.hashrateAvgThs ?? live.hashrate5sThs, powerW: live.powerW } : null);
  const num = (v: number | null, digits: number) => (v === null ? '—' : format.number(v, { maximumFractionDigits: digits }));
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
              <td className="py-2 text-right">{num(r.nominal, r.key === 'hashrate' ? 1 : r.key === 'efficiency' ? 1 : 0)}</td>
              <td className="py-2 text-right">{num(r.actual, r.key === 'power' ? 0 : 1)}</td>
              <td className={`py-2 text-right ${r.tone === 'bad' ? 'text-bad' : r.tone === 'warn' ? 'text-warn' : r.tone === 'ok' ? 'text-ok' : 'text-muted'}`}>
                {r.deviationPct === null ? '—' : `${r.deviationPct > 0 ? '+' : ''}${format.number(r.deviationPct, { maximumFractionDigits: 1 })}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!live || !live.online ? <p className="mt-2 text-xs text-muted">{live ? t('offlineNoActual') : t('noTelemetry')}</p> : null}
    </Card>
  );
}
