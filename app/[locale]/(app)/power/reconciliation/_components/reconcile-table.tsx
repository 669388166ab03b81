import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { ReconcileRow } from '@/db/queries/power/reconcile';
import { formatDateTime, formatEnergy, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/** One row per day (each a link to its hours) or hour; figures only where the site meters covered it. */
export async function ReconcileTable({ rows, grain, timeZone, siteId, month, locale }: { rows: ReconcileRow[]; grain: 'day' | 'hour'; timeZone: string; siteId: string; month: string; locale: string }) {
  const t = await getTranslations('Power.Reconciliation');
  const pdu = rows.some((r) => r.pduWh !== null);
  const metered = (r: ReconcileRow, v: string) => (r.meterWh === null ? '—' : v);
  return (
    <div className="mt-4">
      <Table label={t('table')}>
        <thead>
          <tr>
            <Th>{grain === 'day' ? t('dayCol') : t('hourCol')}</Th>
            <Th className="text-right">{t('meter')}</Th>
            <Th className="text-right">{t('minersMetered')}</Th>
            <Th className="text-right">{t('overhead')}</Th>
            <Th className="text-right">{t('pue')}</Th>
            {pdu ? <Th className="text-right">{t('cooling')}</Th> : null}
            {pdu ? <Th className="text-right">{t('losses')}</Th> : null}
            <Th className="text-right">{t('hoursCol')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period}>
              <Td className="whitespace-nowrap">
                {grain === 'day' ? (
                  <Link className="underline" href={`/power/reconciliation?siteId=${siteId}&month=${month}&day=${r.period}`}>
                    {r.period}
                  </Link>
                ) : (
                  formatDateTime(r.period, locale, timeZone)
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatEnergy(r.meterWh, locale)}</Td>
              <Td className="text-right tabular-nums">{metered(r, formatEnergy(r.minersMeteredWh, locale))}</Td>
              <Td className={`text-right tabular-nums ${r.overheadWh < 0 ? 'text-warn' : ''}`}>{metered(r, formatEnergy(r.overheadWh, locale))}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.pue, locale, { digits: 3, fixed: true })}</Td>
              {pdu ? <Td className="text-right tabular-nums">{formatEnergy(r.coolingWh, locale)}</Td> : null}
              {pdu ? <Td className="text-right tabular-nums">{formatEnergy(r.lossesWh, locale)}</Td> : null}
              <Td className="text-right tabular-nums">{t('hoursOf', { metered: r.meteredHours, hours: r.hours })}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
