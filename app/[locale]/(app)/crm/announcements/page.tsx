import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { audienceOptions, listAnnouncements } from '@/db/queries/crm/announcements';
import { isCrmAdmin } from '@/db/queries/crm/scope';
import { can } from '@/lib/auth/permissions';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { AnnouncementDialog } from './_components/announcement-dialog';

export const generateMetadata = pageTitle('announcements');

/** Notices to the client portal: scheduled, aimed at a site, tier or brand, with how many have read each. */
export default async function AnnouncementsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'crm:customer_view', pagedListSchema(25));
  const db = await getDb();
  const canWrite = can(actor.role, 'crm:customer_management', 'FULL') && isCrmAdmin(actor);
  const [page, audience, now, t, tTier, format] = await Promise.all([
    listAnnouncements(db, actor, q),
    canWrite ? audienceOptions(db, actor.orgId) : Promise.resolve(null),
    getNow(),
    getTranslations('Crm.announcement'),
    getTranslations('Tier'),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={audience ? <AnnouncementDialog sites={audience.sites} brands={audience.brands} /> : null} />
      <ListTable
        pathname="/crm/announcements"
        query={query}
        page={page}
        label={t('title')}
        empty={{ title: t('empty'), hint: canWrite ? t('emptyHint') : undefined }}
        rowKey={(a) => a.id}
        columns={[
          {
            key: 'title',
            header: t('titleField'),
            cell: (a) => (
              <>
                <span className="font-medium">{a.title}</span>
                <span className="block max-w-md truncate text-xs text-muted">{a.body}</span>
              </>
            ),
          },
          { key: 'audience', header: t('audience'), cell: (a) => [a.siteName, a.tier ? tTier(a.tier) : null, a.brandName].filter(Boolean).join(' · ') || t('everyone') },
          {
            key: 'status',
            header: t('status'),
            cell: (a) =>
              a.publishAt > now ? <Badge tone="accent">{t('scheduled', { when: when(a.publishAt) })}</Badge> : a.expiresAt && a.expiresAt <= now ? <Badge>{t('expired')}</Badge> : <Badge tone="ok">{t('live')}</Badge>,
          },
          { key: 'reads', header: t('reads'), figure: true, cell: (a) => a.reads },
          { key: 'author', header: t('author'), className: 'hidden md:table-cell', cell: (a) => a.authorName ?? '—' },
        ]}
      />
    </>
  );
}
