import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { BilledAgainstMetered } from '@/db/queries/power/reconcile';
import { formatEnergy, formatPercent, formatUsdFromCents } from '@/lib/format';

/**
 * The month's billed energy against the site's metered and its customers' energy. Shares of the
 * metered energy only when the meters cover every hour the site has: a partly metered month would
 * set a whole month of bills against a few hours of meter.
 */
export async function BilledSection({ billing: b, locale }: { billing: BilledAgainstMetered; locale: string }) {
  const t = await getTranslations('Power.Reconciliation');
  const whole = b.meterWh !== null && b.meterWh > 0 && b.meteredHours === b.hours;
  const share = (wh: number) => (whole ? formatPercent((wh / b.meterWh!) * 100, locale) : '—');
  const rows: [string, string, string, string?][] = [
    [t('meter'), formatEnergy(b.meterWh, locale), share(b.meterWh ?? 0), t('meteredHours', { metered: b.meteredHours, hours: b.monthHours })],
    [t('minersAllRow'), formatEnergy(b.minersWh, locale), share(b.minersWh)],
    [t('customers'), formatEnergy(b.customersWh, locale), share(b.customersWh)],
    [t('issued'), formatEnergy(b.issuedWh, locale), share(b.issuedWh), t('issuedHint', { bills: b.issuedBills, total: formatUsdFromCents(b.issuedCents, locale) })],
    [t('drafts'), formatEnergy(b.draftWh, locale), share(b.draftWh), t('draftsHint', { bills: b.draftBills })],
    [t('unbilled'), formatEnergy(b.unbilledWh, locale), share(b.unbilledWh)],
  ];
  return (
    <>
      <Table label={t('billedTable')}>
        <thead>
          <tr>
            <Th>{t('line')}</Th>
            <Th className="text-right">{t('energy')}</Th>
            <Th className="text-right">{t('ofMetered')}</Th>
            <Th>{t('note')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, energy, pct, note]) => (
            <tr key={label}>
              <Td>{label}</Td>
              <Td className="text-right tabular-nums">{energy}</Td>
              <Td className="text-right tabular-nums">{pct}</Td>
              <Td className="text-xs text-muted">{note ?? ''}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-muted">{whole ? t('billedNote') : t('partlyMetered', { metered: b.meteredHours, hours: b.hours })}</p>
    </>
  );
}
