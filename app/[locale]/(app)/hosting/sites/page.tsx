import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listSites } from '@/db/queries/hosting/sites';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatNumber, formatPower, formatUsd, MISSING } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('sites');

export default async function SitesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:site_management');
  const [rows, t, tEnergy, tFleet] = await Promise.all([listSites(await getDb(), actor.scope), getTranslations('Sites'), getTranslations('Energy'), getTranslations('Fleet')]);
  const canEdit = can(actor.role, 'hosting:site_management', 'FULL');
  const tTickets = can(actor.role, 'hosting:ticket', 'READ') ? await getTranslations('Tickets') : null;
  const tMap = await getTranslations('RackMap');
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
        <DataTable
          label={t('title')}
          rows={rows}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'name',
              header: t('name'),
              cell: (s) => (
                <Link className="text-accent hover:underline" href={{ pathname: '/hosting/devices', query: { siteId: s.id } }}>
                  {s.name}
                </Link>
              ),
            },
            { key: 'location', header: t('location'), cell: (s) => s.location },
            { key: 'timeZone', header: t('timeZone'), cellClassName: 'text-xs', cell: (s) => s.timeZone },
            { key: 'energy', header: t('energy'), cell: (s) => tEnergy(s.energySource) },
            { key: 'contracted', header: t('contracted'), figure: true, cell: (s) => formatPower(s.contractedKw * 1000, locale) },
            { key: 'price', header: t('price'), figure: true, cell: (s) => t('usdPerKwh', { value: formatUsd(s.electricityUsdPerKwh, locale, 4) }) },
            { key: 'clientPrice', header: t('clientPrice'), figure: true, cell: (s) => (s.clientUsdPerKwh === null ? MISSING : t('usdPerKwh', { value: formatUsd(s.clientUsdPerKwh, locale, 4) })) },
            { key: 'miners', header: tFleet('minersInService'), figure: true, cell: (s) => formatNumber(s.miners, locale) },
            { key: 'offline', header: t('offline'), figure: true, cellClassName: 'text-bad', cell: (s) => formatNumber(s.offline, locale) },
            {
              key: 'map',
              header: tMap('mapLink'),
              cell: (s) => (
                <Link className="text-accent hover:underline" href={`/hosting/sites/${s.id}/map`} aria-label={tMap('mapLinkNamed', { name: s.name })}>
                  {tMap('mapLink')}
                </Link>
              ),
            },
            !!tTickets && {
              key: 'tickets',
              header: tTickets('title'),
              cell: (s) => (
                <Link className="text-accent hover:underline" href={{ pathname: '/hosting/tickets', query: { siteId: s.id, status: 'active' } }} aria-label={tTickets('siteTicketsNamed', { name: s.name })}>
                  {tTickets('siteTickets')}
                </Link>
              ),
            },
            canEdit && {
              key: 'edit',
              header: t('actions'),
              cell: (s) => (
                <Link className="text-accent hover:underline" href={`/hosting/sites/${s.id}/edit`} aria-label={t('editNamed', { name: s.name })}>
                  {t('editShort')}
                </Link>
              ),
            },
          ]}
        />
      )}
      {rows.length ? <p className="mt-2 text-xs text-muted">{tFleet('soldRule')}</p> : null}
    </>
  );
}
