import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listSites } from '@/db/queries/sites';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatNumber, formatPower, formatUsd } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

export const metadata: Metadata = { title: 'Sites' };

export default async function SitesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:site_management');
  const [rows, t, tEnergy] = await Promise.all([listSites(await getDb(), actor.scope), getTranslations('Sites'), getTranslations('Energy')]);
  const canEdit = can(actor.role, 'hosting:site_management', 'FULL');
  const tTickets = can(actor.role, 'hosting:ticket', 'READ') ? await getTranslations('Tickets') : null;
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          canEdit ? (
            <Link href="/hosting/sites/new" className={buttonClass()}>
              {t('new')}
            </Link>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table label={t('title')}>
          <thead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('location')}</Th>
              <Th>{t('timeZone')}</Th>
              <Th>{t('energy')}</Th>
              <Th className="text-right">{t('contracted')}</Th>
              <Th className="text-right">{t('price')}</Th>
              <Th className="text-right">{t('miners')}</Th>
              <Th className="text-right">{t('offline')}</Th>
              {tTickets ? <Th>{tTickets('title')}</Th> : null}
              {canEdit ? <Th>{t('actions')}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <Td>
                  <Link className="text-accent hover:underline" href={{ pathname: '/hosting/devices', query: { siteId: s.id } }}>
                    {s.name}
                  </Link>
                </Td>
                <Td>{s.location}</Td>
                <Td className="text-xs">{s.timeZone}</Td>
                <Td>{tEnergy(s.energySource)}</Td>
                <Td className="text-right tabular-nums">{formatPower(s.contractedKw * 1000, locale)}</Td>
                <Td className="text-right tabular-nums">{t('usdPerKwh', { value: formatUsd(s.electricityUsdPerKwh, locale, 4) })}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.miners, locale)}</Td>
                <Td className="text-right tabular-nums text-bad">{formatNumber(s.offline, locale)}</Td>
                {tTickets ? (
                  <Td>
                    <Link className="text-accent hover:underline" href={{ pathname: '/hosting/tickets', query: { siteId: s.id, status: 'active' } }} aria-label={tTickets('siteTicketsNamed', { name: s.name })}>
                      {tTickets('siteTickets')}
                    </Link>
                  </Td>
                ) : null}
                {canEdit ? (
                  <Td>
                    <Link className="text-accent hover:underline" href={`/hosting/sites/${s.id}/edit`} aria-label={t('editNamed', { name: s.name })}>
                      {t('editShort')}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
