import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { listHostingFees } from '@/db/queries/power/hosting-fees';
import { formatUsd, formatUsdFromCents } from '@/lib/format';
import { mcToUsd } from '@/lib/power/present';
import { HostingFeesDialog } from './hosting-fees-dialog';

type Option = { id: string; name: string };

/** The customers' hosting fees per site, shown on their power bills (not on invoices: a contract prices those). */
export async function HostingFeesCard({ fees, sites, customers, locale, edits }: { fees: Awaited<ReturnType<typeof listHostingFees>>; sites: Option[]; customers: Option[]; locale: string; edits: boolean }) {
  const t = await getTranslations('Power.hostingFees');
  return (
    <Card title={t('cardTitle')} className="mb-6">
      <p className="mb-3 text-xs text-muted">{t('contractHint')}</p>
      {edits && sites.length && customers.length ? (
        <div className="mb-3">
          <HostingFeesDialog sites={sites} customers={customers} />
        </div>
      ) : null}
      {fees.length ? (
        <Table label={t('cardTitle')}>
          <thead>
            <tr>
              <Th>{t('site')}</Th>
              <Th>{t('customer')}</Th>
              <Th className="text-right">{t('monthly')}</Th>
              <Th className="text-right">{t('perMiner')}</Th>
              <Th className="text-right">{t('perKwh')}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {fees.map(({ fees: f, siteName, customerName }) => (
              <tr key={`${f.siteId}:${f.customerId}`} data-testid="hosting-fee">
                <Td>{siteName}</Td>
                <Td>{customerName}</Td>
                <Td className="text-right tabular-nums">{formatUsdFromCents(f.monthlyCents, locale)}</Td>
                <Td className="text-right tabular-nums">{formatUsdFromCents(f.perMinerMonthCents, locale)}</Td>
                <Td className="text-right tabular-nums">{formatUsd(mcToUsd(f.mcPerKwh), locale, 5)}</Td>
                <Td>
                  {edits ? <HostingFeesDialog sites={sites} customers={customers} fees={{ siteId: f.siteId, customerId: f.customerId, monthlyUsd: f.monthlyCents / 100, perMinerMonthUsd: f.perMinerMonthCents / 100, usdPerKwh: mcToUsd(f.mcPerKwh) }} /> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t('empty')} />
      )}
    </Card>
  );
}
