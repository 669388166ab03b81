import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { listCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { requirePage } from '@/lib/auth/guard';
import { CURTAIL_STRATEGIES } from '@/lib/domain/power/curtailment/types';
import { formatDateTime, formatNumber } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { CancelWindowButton } from '../_components/cancel-window-button';
import { CurtailmentTabs } from '../_components/tabs';
import { WindowDialog } from '../_components/window-dialog';
import { WindowImportDialog } from '../_components/window-import-dialog';

export const generateMetadata = pageTitle('curtailmentWindows');

type Status = 'upcoming' | 'running' | 'done' | 'cancelled' | 'failing';
const TONE: Record<Status, BadgeTone> = { upcoming: 'accent', running: 'warn', done: 'ok', cancelled: 'muted', failing: 'bad' };

/**
 * Scheduled windows and transmission-peak (4CP) warnings, each in its site's own time zone: the minute
 * job starts each on time and its curtailment recovers at the window's end. Typed one by one or
 * imported as CSV; a window not over yet may be cancelled (a running one then recovers).
 */
export default async function CurtailmentWindowsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'curtailment:execute', 'FULL');
  const db = await getDb();
  const now = new Date();
  const [windows, sites, t, tc] = await Promise.all([
    listCurtailmentWindows(db, actor.scope, { from: new Date(now.getTime() - 24 * 3_600_000) }),
    listSiteOptions(db, actor.scope),
    getTranslations('CurtailmentAuto'),
    getTranslations('Curtailment'),
  ]);
  const site = new Map(sites.map((s) => [s.id, s]));
  const strategies = [...CURTAIL_STRATEGIES];
  const statusOf = (w: (typeof windows)[number]): Status =>
    w.cancelledAt ? 'cancelled' : w.eventId ? (w.eventStatus === 'completed' || w.endsAt <= now ? 'done' : 'running') : w.startError && w.startsAt <= now ? 'failing' : w.endsAt <= now ? 'done' : 'upcoming';
  return (
    <>
      <PageHeader title={tc('title')} subtitle={t('windows.subtitle')} />
      <CurtailmentTabs active="windows" />
      <Card title={t('windows.title')}>
        <div className="mb-3 flex flex-wrap gap-2">
          {sites.length ? <WindowDialog sites={sites} strategies={strategies} /> : null}
          {sites.length ? <WindowImportDialog sites={sites} strategies={strategies} /> : null}
        </div>
        {windows.length ? (
          <Table label={t('windows.title')}>
            <thead>
              <tr>
                <Th>{t('site')}</Th>
                <Th>{t('windows.kind')}</Th>
                <Th>{t('windows.from')}</Th>
                <Th>{t('windows.to')}</Th>
                <Th>{tc('targetKind')}</Th>
                <Th>{tc('strategy')}</Th>
                <Th>{tc('status')}</Th>
                <Th>{t('windows.note')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => {
                const s = site.get(w.siteId);
                const zone = s?.timeZone ?? 'UTC';
                const status = statusOf(w);
                return (
                  <tr key={w.id} data-testid="curtailment-window">
                    <Td>{s?.name ?? '—'}</Td>
                    <Td>{t(`windowKinds.${w.kind}`)}</Td>
                    <Td className="text-xs">{formatDateTime(w.startsAt, locale, zone, { zone: true })}</Td>
                    <Td className="text-xs">{formatDateTime(w.endsAt, locale, zone, { zone: true })}</Td>
                    <Td>{t(`targets.${w.targetKind}`, { kw: formatNumber(Number(w.targetKw), locale) })}</Td>
                    <Td>{tc(`strategies.${w.strategy}`)}</Td>
                    <Td>
                      <Badge tone={TONE[status]}>{t(`windowStatus.${status}`)}</Badge>
                      {status === 'failing' && w.startError ? <span className="ml-1 text-xs text-muted">{t('windows.retrying')}</span> : null}
                    </Td>
                    <Td className="text-xs">{w.note ?? ''}</Td>
                    <Td>{status === 'upcoming' || status === 'running' || status === 'failing' ? <CancelWindowButton id={w.id} /> : null}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t('windows.empty')} />
        )}
      </Card>
    </>
  );
}
